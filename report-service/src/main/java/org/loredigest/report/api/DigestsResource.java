package org.loredigest.report.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Clock;
import org.loredigest.report.DigestService;
import org.loredigest.report.ReportConfig;
import org.loredigest.report.digest.Digest;
import org.loredigest.report.digest.DigestFormat;
import org.loredigest.report.digest.DigestLanguage;
import org.loredigest.report.domain.DigestQuery;
import org.loredigest.report.domain.InvalidQueryException;

@Path("/api/digests")
public class DigestsResource {

    private final DigestService digests;
    private final ReportConfig config;

    public DigestsResource(DigestService digests, ReportConfig config) {
        this.digests = digests;
        this.config = config;
    }

    /**
     * The digest of a period: {@code lists} comma-separated lore list names (all when absent), {@code from}/{@code to}
     * UTC days both included (default: the last seven days), {@code lang} zh|en (default zh), {@code format}
     * md|html|json (default md).
     */
    @GET
    public Response digest(@QueryParam("lists") String lists, @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("lang") String lang, @QueryParam("format") String format) throws IOException {
        DigestLanguage language;
        DigestFormat output;
        try {
            language = DigestLanguage.of(lang == null ? "zh" : lang);
            output = DigestFormat.of(format == null ? "md" : format);
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException(e.getMessage());
        }
        DigestQuery query = DigestQuery.parse(lists, from, to, config.maxPeriodDays(), Clock.systemUTC());
        Digest digest = digests.digest(query);
        return Response.ok(digests.render(digest, output, language)).type(output.mediaType()).build();
    }
}
