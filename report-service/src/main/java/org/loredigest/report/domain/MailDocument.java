package org.loredigest.report.domain;

import java.time.Instant;
import java.util.List;
import org.loredigest.events.MailParsed;

/** One mail as stored in the {@code lore-mails} index; its document id is {@link #documentId()}. */
public record MailDocument(
        String messageId,
        boolean messageIdMissing,
        String list,
        List<String> listIds,
        String subject,
        String fromName,
        String fromEmail,
        String authorDomain,
        Instant date,
        boolean dateFromHeader,
        String inReplyTo,
        List<String> references,
        String source,
        String sourcePosition,
        Instant receivedAt,
        Instant indexedAt,
        int sizeBytes,
        List<String> problems) {

    public static MailDocument of(MailParsed mail, Instant indexedAt) {
        return new MailDocument(mail.messageId(), mail.messageIdMissing(), mail.list(), mail.listIds(), mail.subject(),
                mail.fromName(), mail.fromEmail(), domainOf(mail.fromEmail()), mail.date(), mail.dateFromHeader(),
                mail.inReplyTo(), mail.references(), mail.source(), mail.sourcePosition(), mail.receivedAt(),
                indexedAt, mail.sizeBytes(), mail.problems());
    }

    /** Same key, same id: re-delivery overwrites instead of duplicating. */
    public String documentId() {
        return org.loredigest.events.MessageKey.documentId(messageId);
    }

    static String domainOf(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        return at >= 0 && at < email.length() - 1 ? email.substring(at + 1).toLowerCase(java.util.Locale.ROOT) : null;
    }
}
