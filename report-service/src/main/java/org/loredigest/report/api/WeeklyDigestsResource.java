package org.loredigest.report.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.loredigest.report.DigestService;
import org.loredigest.report.ReportConfig;
import org.loredigest.report.WeeklyDigests;
import org.loredigest.report.digest.AtomFeed;
import org.loredigest.report.digest.DigestFormat;
import org.loredigest.report.digest.DigestLanguage;
import org.loredigest.report.domain.DigestQuery;
import org.loredigest.report.domain.InvalidQueryException;
import org.loredigest.report.elasticsearch.DigestStore;
import org.loredigest.report.elasticsearch.DigestStore.StoredDigest;

/** Stored weekly digests: the list, each one in any format and language, and an Atom feed of them. */
@Path("/api/digests/weekly")
public class WeeklyDigestsResource {

    private final DigestStore store;
    private final DigestService digests;
    private final WeeklyDigests weekly;
    private final ReportConfig config;

    public WeeklyDigestsResource(DigestStore store, DigestService digests, WeeklyDigests weekly, ReportConfig config) {
        this.store = store;
        this.digests = digests;
        this.weekly = weekly;
        this.config = config;
    }

    /** Stored weekly digests, newest first (without their bodies). */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<StoredDigest> list() throws IOException {
        return store.latest(52);
    }

    @GET
    @Path("/{id}")
    public Response one(@PathParam("id") String id, @QueryParam("lang") String lang, @QueryParam("format") String format)
            throws IOException {
        DigestLanguage language;
        DigestFormat output;
        try {
            language = DigestLanguage.of(lang == null ? "zh" : lang);
            output = DigestFormat.of(format == null ? "html" : format);
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException(e.getMessage());
        }
        StoredDigest stored = store.find(id).orElseThrow(() -> new NotFoundException("no stored digest " + id));
        return Response.ok(digests.render(stored.digest(), output, language)).type(output.mediaType()).build();
    }

    /** Atom feed of the stored weekly digests, each entry linking to its HTML page. */
    @GET
    @Path("/feed.atom")
    @Produces("application/atom+xml")
    public String feed(@QueryParam("lang") String lang) throws IOException {
        DigestLanguage language;
        try {
            language = DigestLanguage.of(lang == null ? "zh" : lang);
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException(e.getMessage());
        }
        return new AtomFeed().render(store.latest(52), config.publicUrl() + "/api/digests/weekly", language);
    }

    /** Makes (or remakes) the weekly digest of the week containing {@code week} now, instead of waiting for the schedule. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public StoredDigest make(@QueryParam("week") String week) throws IOException {
        return weekly.make(week == null ? LocalDate.now().minusWeeks(1) : DigestQuery.day("week", week));
    }
}
