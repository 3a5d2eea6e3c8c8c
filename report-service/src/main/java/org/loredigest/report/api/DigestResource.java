package org.loredigest.report.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.time.Clock;
import org.loredigest.report.ReportConfig;
import org.loredigest.report.domain.DigestQuery;
import org.loredigest.report.domain.MessageCounts;
import org.loredigest.report.elasticsearch.MessageCountsRepository;

@Path("/api/digest")
public class DigestResource {

    private final MessageCountsRepository counts;
    private final ReportConfig config;

    public DigestResource(MessageCountsRepository counts, ReportConfig config) {
        this.counts = counts;
        this.config = config;
    }

    /**
     * Message counts per day and per list. {@code list} is one or more comma-separated lore list names (all lists
     * when absent); {@code from} and {@code to} are UTC days, both included (default: the last seven days).
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public MessageCounts digest(@QueryParam("list") String list, @QueryParam("from") String from,
                                @QueryParam("to") String to) throws IOException {
        return counts.count(DigestQuery.parse(list, from, to, config.maxPeriodDays(), Clock.systemUTC()));
    }
}
