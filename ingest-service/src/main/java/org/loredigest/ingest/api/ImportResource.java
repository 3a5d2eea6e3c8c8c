package org.loredigest.ingest.api;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.loredigest.ingest.MailImporter;
import org.loredigest.ingest.domain.ImportResult;
import org.loredigest.ingest.domain.MboxImport;

/** Uploads of mail archives. The body is streamed, never held in memory whole. */
@Path("/api/imports")
public class ImportResource {

    private final MailImporter importer;

    public ImportResource(MailImporter importer) {
        this.importer = importer;
    }

    /**
     * Imports an mbox/mboxrd body: {@code curl --data-binary @file.mbox -H 'Content-Type: application/mbox'
     * 'http://localhost:8081/api/imports/mbox?list=linux-mm'}.
     */
    @POST
    @Path("/mbox")
    @Consumes({"application/mbox", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public ImportResult importMbox(@QueryParam("list") String list, @QueryParam("source") String source, InputStream body) {
        try {
            MboxImport.requireListName(list);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        String sourceName = source == null || source.isBlank() ? "upload" : source.strip();
        return importer.importMbox(body, list, "mbox:" + sourceName);
    }
}
