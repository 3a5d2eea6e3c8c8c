package org.loredigest.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.loredigest.mail.body.BodyExtractor;
import org.loredigest.mail.body.BodyParts;
import org.loredigest.mail.body.BodySplitter;
import org.loredigest.mail.body.ExtractedBody;
import org.loredigest.mail.header.Addresses;
import org.loredigest.mail.header.HeaderText;
import org.loredigest.mail.header.ListIds;
import org.loredigest.mail.header.MailAddress;
import org.loredigest.mail.header.MailDate;
import org.loredigest.mail.header.MailDates;
import org.loredigest.mail.header.RawHeader;
import org.loredigest.mail.header.ViaList;
import org.loredigest.mail.kind.Classification;
import org.loredigest.mail.kind.KindClassifier;
import org.loredigest.mail.kind.MailFacts;
import org.loredigest.mail.patch.PatchInfo;
import org.loredigest.mail.patch.PatchParser;
import org.loredigest.mail.patch.PullRequest;
import org.loredigest.mail.patch.PullRequests;
import org.loredigest.mail.subject.ParsedSubject;
import org.loredigest.mail.subject.SubjectParser;
import org.loredigest.mail.trailer.Trailer;
import org.loredigest.mail.trailer.TrailerParser;

/**
 * Parses one raw message (RFC 5322 bytes, mbox framing already removed) into a {@link ParsedMail}.
 *
 * <p>Stateless and thread-safe. Garbage never throws: whatever can be read is returned and the rest is listed in
 * {@link ParsedMail#problems()}. Only input that is not a mail at all (no bytes, or no header field before the
 * body) raises {@link UnusableMailException}.
 */
public final class MailParser {

    /** Dates further in the future than this (relative to receipt) are clock errors, not send times. */
    private static final Duration MAX_CLOCK_SKEW = Duration.ofDays(2);
    /** Nothing on a Linux list predates Linux. */
    private static final Instant EARLIEST_PLAUSIBLE = Instant.parse("1991-01-01T00:00:00Z");

    public ParsedMail parse(byte[] raw, Instant receivedAt) {
        return parse(raw, receivedAt, null);
    }

    /**
     * As {@link #parse(byte[], Instant)}, with the id a mail without a usable Message-ID is given: a caller that
     * already holds an identity for the bytes (a record key derived from them) saves hashing them a second time.
     *
     * @param idWhenMissing the id for a mail without a usable Message-ID; {@code null}: its content hash
     *                      ({@link MessageIds#fallbackId(byte[])})
     */
    public ParsedMail parse(byte[] raw, Instant receivedAt, String idWhenMissing) {
        checkUsable(raw);
        List<MailProblem> problems = new ArrayList<>(2);
        RawHeader header = RawHeader.scan(raw);
        if (header.malformedLine()) {
            problems.add(MailProblem.of("header-malformed", "a line in the header section is not a field; the body starts there"));
        }

        String rawId = header.get("message-id");
        String messageId = MessageIds.normalize(rawId);
        boolean fallbackId = messageId == null;
        if (fallbackId) {
            messageId = idWhenMissing != null ? idWhenMissing : MessageIds.fallbackId(raw);
            String using = (idWhenMissing != null ? "using " : "using content hash ") + messageId;
            problems.add(MailProblem.of("message-id-missing", rawId == null ? "no Message-ID: " + using
                    : "unusable Message-ID '" + rawId + "': " + using));
        }
        String inReplyTo = MessageIds.normalize(header.get("in-reply-to"));
        List<String> references = MessageIds.parseList(header.get("references"));
        if (references.contains(messageId)) {
            String self = messageId;
            references = references.stream().filter(r -> !r.equals(self)).toList();
            problems.add(MailProblem.of("references-self", "References names the message itself"));
        }
        if (messageId.equals(inReplyTo)) {
            inReplyTo = null;
            problems.add(MailProblem.of("in-reply-to-self", "In-Reply-To names the message itself"));
        }

        DatePick date = pickDate(header.get("date"), receivedAt);
        if (date.note() != null) {
            problems.add(MailProblem.of(date.source() == DateSource.HEADER ? "date-doubtful" : "date-unusable", date.note()));
        }

        List<MailAddress> to = Addresses.parseList(header.get("to"));
        List<MailAddress> cc = Addresses.parseList(header.get("cc"));
        MailAddress from = Addresses.parseFirst(header.get("from"));
        if (from == null) {
            from = Addresses.parseFirst(header.get("sender"));
            problems.add(MailProblem.of("from-missing", "no usable From header"));
        }
        boolean viaList = false;
        MailAddress undone = ViaList.undo(from, header.get("x-original-from"), header.get("reply-to"), cc);
        if (undone != null) {
            from = undone;
            viaList = true;
        }
        String subject = HeaderText.collapseWhitespace(HeaderText.decode(orEmpty(header.get("subject"))));
        ParsedSubject parsedSubject = SubjectParser.parse(subject);
        List<String> listIds = ListIds.of(header.getAll("list-id"), header.getAll("x-mailing-list"));

        ExtractedBody body = BodyExtractor.extract(header, problems);
        String text = body.text().indexOf('\r') >= 0 ? body.text().replace("\r\n", "\n").replace('\r', '\n') : body.text();
        BodyParts parts = BodySplitter.split(text);
        PatchInfo patch = PatchParser.parse(text);
        PullRequest pullRequest = PullRequests.find(parts.newText());
        boolean reply = parsedSubject.reply() || parsedSubject.forward();
        List<Trailer> trailers = reply && !patch.hasDiff() ? TrailerParser.fromFollowUp(parts.newText()) : TrailerParser.fromMessage(text);

        List<MailAddress> recipients = new ArrayList<>(to.size() + cc.size());
        recipients.addAll(to);
        recipients.addAll(cc);
        boolean threaded = inReplyTo != null || !references.isEmpty();
        Classification c = KindClassifier.classify(new MailFacts(parsedSubject, from, recipients, text, parts, patch, pullRequest,
                trailers, body.htmlOnly(), threaded));

        return new ParsedMail(messageId, fallbackId, inReplyTo, references, subject,
                from == null ? "" : from.name(), from == null ? "" : from.email(), viaList, to, cc,
                date.instant(), date.source(), date.note(), date.utcOffsetMinutes(), receivedAt, listIds, parsedSubject,
                c.kind(), c.bot(), c.mmCommits(), c.stable(),
                text, parts.newText(), parts.quotedText(), parts.signature(), patch, pullRequest, List.copyOf(trailers),
                body.attachments(), body.pgpSigned(), body.htmlOnly(), raw.length, List.copyOf(problems));
    }

    /** Message-ID, Date and list ids only: no body work at all. */
    public HeaderKeys parseKeys(byte[] raw, Instant receivedAt) {
        checkUsable(raw);
        RawHeader header = RawHeader.scan(raw);
        String messageId = MessageIds.normalize(header.get("message-id"));
        boolean fallback = messageId == null;
        if (fallback) {
            messageId = MessageIds.fallbackId(raw);
        }
        DatePick date = pickDate(header.get("date"), receivedAt);
        return new HeaderKeys(messageId, fallback, date.instant(), date.source(),
                ListIds.of(header.getAll("list-id"), header.getAll("x-mailing-list")));
    }

    /** Whether {@link #parse} will accept the bytes. */
    public static boolean usable(byte[] raw) {
        return raw != null && raw.length > 0 && RawHeader.startsWithHeaderField(raw);
    }

    private static void checkUsable(byte[] raw) {
        if (raw == null || raw.length == 0) {
            throw new UnusableMailException("empty message");
        }
        if (!RawHeader.startsWithHeaderField(raw)) {
            throw new UnusableMailException("no header section: the first line is not a header field");
        }
    }

    private record DatePick(Instant instant, DateSource source, String note, Integer utcOffsetMinutes) {

        static DatePick received(Instant receivedAt, String note) {
            return new DatePick(receivedAt, DateSource.RECEIVED_TIME, note, null);
        }
    }

    private static DatePick pickDate(String value, Instant receivedAt) {
        if (value == null) {
            return DatePick.received(receivedAt, "no Date header: using the received time");
        }
        MailDate parsed = MailDates.parse(value);
        if (parsed.instant() == null) {
            return DatePick.received(receivedAt, parsed.note() + ": using the received time");
        }
        Instant when = parsed.instant();
        if (receivedAt != null && when.isAfter(receivedAt.plus(MAX_CLOCK_SKEW))) {
            return DatePick.received(receivedAt, "Date '" + value.strip() + "' is after the received time: using the received time");
        }
        if (when.isBefore(EARLIEST_PLAUSIBLE)) {
            return DatePick.received(receivedAt, "Date '" + value.strip() + "' is before 1991: using the received time");
        }
        return new DatePick(when, DateSource.HEADER, parsed.note(), parsed.utcOffsetMinutes());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
