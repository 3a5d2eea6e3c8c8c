package org.loredigest.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.loredigest.mail.header.Addresses;
import org.loredigest.mail.header.HeaderText;
import org.loredigest.mail.header.MailAddress;
import org.loredigest.mail.mbox.MboxMessage;
import org.loredigest.mail.testing.Corpus;

/**
 * Every corpus message parses, and header fields agree with the {@code *.index.json} oracles (Python's compat32
 * header parser). The oracle keeps raw header text, so subjects and names are compared after RFC 2047 decoding and
 * whitespace folding, and dates after an independent RFC 1123 parse of the oracle string.
 */
class CorpusOracleTest {

    private static final Instant RECEIVED = Instant.parse("2026-01-01T00:00:00Z");
    private static final MailParser PARSER = new MailParser();

    @BeforeAll
    static void corpusPresent() {
        assumeTrue(Corpus.available(), "shared corpus not found at " + Corpus.corpus());
    }

    @Test
    void everyCorpusMessageParses() {
        int count = 0;
        for (Path mbox : Corpus.allMboxes()) {
            for (MboxMessage m : Corpus.read(mbox)) {
                ParsedMail mail = PARSER.parse(m.raw(), RECEIVED);
                assertThat(mail.messageId()).as("%s #%d", mbox.getFileName(), m.index()).isNotBlank();
                assertThat(mail.kind()).isNotNull();
                assertThat(mail.date()).isNotNull();
                count++;
            }
        }
        // 3752 lore-cgroups + 5 linux-mm + 27 patchwork + 628 DAMON
        assertThat(count).isEqualTo(3752 + 5 + 27 + 628);
    }

    @Test
    void headersAgreeWithOracles() {
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        int datesCompared = 0;
        for (Path mbox : Corpus.allMboxes()) {
            JsonNode index = Corpus.index(mbox);
            if (index == null) {
                continue;
            }
            List<MboxMessage> messages = Corpus.read(mbox);
            assertThat(messages).as(mbox.getFileName().toString()).hasSize(index.size());
            for (int i = 0; i < messages.size(); i++) {
                JsonNode expected = index.get(i);
                ParsedMail mail = PARSER.parse(messages.get(i).raw(), RECEIVED);
                String where = mbox.getFileName() + " #" + i + " ";
                compared++;
                check(mismatches, where + "message_id", text(expected, "message_id"), mail.messageId());
                check(mismatches, where + "in_reply_to", text(expected, "in_reply_to"), mail.inReplyTo());
                List<String> refs = new ArrayList<>();
                expected.get("references").forEach(r -> refs.add(r.asText()));
                check(mismatches, where + "references", refs, mail.references());
                String subject = HeaderText.collapseWhitespace(HeaderText.decode(text(expected, "subject")));
                check(mismatches, where + "subject", subject == null ? "" : subject, mail.subject());
                MailAddress from = Addresses.parseFirst(text(expected, "from_"));
                check(mismatches, where + "from email", from.email(), mail.fromEmail());
                check(mismatches, where + "from name", from.name(), mail.fromName());
                String listId = text(expected, "list_id");
                if (listId != null) {
                    String id = listId.substring(listId.lastIndexOf('<') + 1, listId.lastIndexOf('>')).toLowerCase();
                    check(mismatches, where + "list_id", true, mail.listIds().contains(id));
                }
                Instant oracleDate = rfc1123(text(expected, "date"));
                if (oracleDate != null) {
                    datesCompared++;
                    check(mismatches, where + "date", oracleDate, mail.date());
                }
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(compared).as("only lore-cgroups ships oracles").isEqualTo(3752);
        assertThat(datesCompared).isGreaterThan(3700);
    }

    private static Instant rfc1123(String date) {
        if (date == null) {
            return null;
        }
        String cleaned = HeaderText.collapseWhitespace(date.replaceAll("\\([^)]*\\)", ""));
        try {
            ZonedDateTime parsed = ZonedDateTime.parse(cleaned, DateTimeFormatter.RFC_1123_DATE_TIME);
            // two-digit years (the 2019/2020 spam) are outside RFC 1123; MailDatesTest covers them
            return parsed.getYear() < 1000 ? null : parsed.toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static void check(List<String> mismatches, String what, Object expected, Object actual) {
        if (expected == null ? actual != null : !expected.equals(actual)) {
            mismatches.add(what + ": expected <" + expected + "> but was <" + actual + ">");
        }
    }
}
