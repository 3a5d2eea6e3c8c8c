package org.loredigest.report.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.loredigest.events.MailParsed;
import org.loredigest.events.MessageKey;

/**
 * One mail as stored in the {@code lore-mails} index; its document id is {@link #documentId()}, made from its record
 * {@code key}: the Message-ID, unless another mail held that id first (then its content digest, and two documents
 * share {@code messageId}). Besides the
 * contract's fields it carries the author fields GrimoireLab's mailing-list indices use ({@code author_name},
 * {@code author_domain}, {@code author_bot}, {@code grimoire_creation_date}, {@code list}, {@code tz}), so dashboards
 * made for those indices work on this one.
 *
 * @param key                  the record key the mail travelled under, its identity (see {@code MailParsed#key})
 * @param authorName           GrimoireLab {@code author_name}: the display name, else the address
 * @param authorDomain         GrimoireLab {@code author_domain}: the sender's mail domain, lower case
 * @param authorBot            GrimoireLab {@code author_bot}
 * @param grimoireCreationDate GrimoireLab {@code grimoire_creation_date}: when the mail was written
 * @param tz                   GrimoireLab {@code tz}: the Date header's zone in whole hours (+0530 is 5), or null
 */
public record MailDocument(
        String key,
        String messageId,
        boolean messageIdMissing,
        String list,
        List<String> listIds,
        String subject,
        String fromName,
        String fromEmail,
        @JsonProperty("author_name") String authorName,
        @JsonProperty("author_domain") String authorDomain,
        @JsonProperty("author_bot") boolean authorBot,
        Instant date,
        @JsonProperty("grimoire_creation_date") Instant grimoireCreationDate,
        boolean dateFromHeader,
        Integer utcOffsetMinutes,
        @JsonProperty("tz") Integer tz,
        String inReplyTo,
        List<String> references,
        String source,
        String sourcePosition,
        Instant receivedAt,
        Instant indexedAt,
        int sizeBytes,
        List<String> problems) {

    public static MailDocument of(MailParsed mail, Instant indexedAt) {
        Integer offset = mail.utcOffsetMinutes();
        return new MailDocument(mail.key(), mail.messageId(), mail.messageIdMissing(), mail.list(), mail.listIds(), mail.subject(),
                mail.fromName(), mail.fromEmail(), authorName(mail.fromName(), mail.fromEmail()),
                domainOf(mail.fromEmail()), mail.authorBot(), mail.date(), mail.date(), mail.dateFromHeader(), offset,
                offset == null ? null : offset / 60, mail.inReplyTo(), mail.references(), mail.source(),
                mail.sourcePosition(), mail.receivedAt(), indexedAt, mail.sizeBytes(), mail.problems());
    }

    /** Same key, same id: re-delivery overwrites instead of duplicating, two mails sharing a Message-ID do not. */
    public String documentId() {
        return MessageKey.documentId(key);
    }

    static String authorName(String name, String email) {
        if (name != null && !name.isBlank()) {
            return name.strip();
        }
        return email == null || email.isBlank() ? null : email;
    }

    /** The lower-cased domain of an address, or null. */
    public static String domainOf(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        return at >= 0 && at < email.length() - 1 ? email.substring(at + 1).toLowerCase(Locale.ROOT) : null;
    }
}
