package org.loredigest.ingest.api;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import org.loredigest.ingest.MailImporter;
import org.loredigest.ingest.domain.ImportResult;
import org.loredigest.ingest.domain.MboxImport;

/** Uploads of mail archives (write endpoints: API key). The body is streamed, never held in memory whole. */
@Path("/api/imports")
public class ImportResource {

    private final MailImporter importer;

    public ImportResource(MailImporter importer) {
        this.importer = importer;
    }

    /**
     * Imports an mbox/mboxrd body, gzipped or not (recognised by its first bytes): {@code curl --data-binary
     * @file.mbox.gz -H 'Content-Type: application/mbox' -H 'X-Api-Key: KEY'
     * 'http://localhost:8081/api/imports/mbox?list=linux-mm'}.
     */
    @POST
    @Path("/mbox")
    @Consumes({"application/mbox", "application/gzip", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public ImportResult importMbox(@QueryParam("list") String list, @QueryParam("source") String source,
                                   InputStream body) throws IOException {
        return importer.importStream(body, requireList(list), "mbox:" + label(source));
    }

    /** Imports one raw RFC 5322 message (an .eml file). */
    @POST
    @Path("/message")
    @Consumes({"message/rfc822", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public ImportResult importMessage(@QueryParam("list") String list, @QueryParam("source") String source,
                                      InputStream body) throws IOException {
        return importer.importStream(body, requireList(list), "eml:" + label(source));
    }

    private static String requireList(String list) {
        try {
            return MboxImport.requireListName(list);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private static String label(String source) {
        return source == null || source.isBlank() ? "upload" : source.strip();
    }
}
