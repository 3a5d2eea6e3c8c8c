package org.loredigest.ingest.source.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.loredigest.ingest.domain.files.BoundedGzip;
import org.loredigest.ingest.domain.files.InputLimitException;
import org.loredigest.ingest.domain.files.MboxStream;
import org.loredigest.ingest.domain.source.SourceOutput;
import org.loredigest.ingest.domain.source.SourceReader;
import org.loredigest.ingest.domain.source.SourceSpec;

/**
 * Reads a lore inbox over HTTP. Backfill: when the source has a start day, the search mbox export
 * ({@code POST INBOX/?q=dt:FROM..TO&x=m}, gzipped mboxrd) is read window by window up to now, the cursor
 * {@value #BACKFILL_UNTIL} moving after each window. Follow: the Atom feed ({@code new.atom}, or
 * {@code ?q=QUERY&x=A} for a query source) is polled and each entry not seen in the previous feed is fetched raw
 * ({@code INBOX/MESSAGE-ID/raw}); when none of the previously seen entries is left in the feed, mail may have been
 * missed and the gap is read with an export since the previous poll. Overlaps are dropped as duplicates.
 */
public final class LoreHttpReader implements SourceReader {

    static final String BACKFILL_UNTIL = "backfill.until";
    static final String ATOM_SEEN = "atom.seen";
    static final String ATOM_POLLED_AT = "atom.polled-at";
    /** public-inbox's search date-time format. */
    private static final DateTimeFormatter DT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    /** Mail can arrive late; a gap fill reaches this far before the previous poll. */
    private static final Duration GAP_MARGIN = Duration.ofDays(1);

    /**
     * @param backfillWindow     time span of one export request (and one transaction)
     * @param maxMessageBytes    larger messages are dead-lettered
     * @param maxExportBytes     decompressed size limit of one export
     * @param maxCompressionRatio decompressed/compressed limit of one export
     */
    public record Limits(Duration backfillWindow, int maxMessageBytes, long maxExportBytes, double maxCompressionRatio) {
    }

    private final SourceSpec spec;
    private final PoliteHttp http;
    private final Clock clock;
    private final Limits limits;
    private final String source;

    public LoreHttpReader(SourceSpec spec, PoliteHttp http, Clock clock, Limits limits) {
        this.spec = spec;
        this.http = http;
        this.clock = clock;
        this.limits = limits;
        this.source = "http:" + spec.inboxUrl();
    }

    /** A cursor that makes the backfill start on {@code day} (UTC). */
    public static Map<String, String> startingAt(java.time.LocalDate day) {
        return Map.of(BACKFILL_UNTIL, DT.format(day.atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    @Override
    public void read(Map<String, String> cursor, SourceOutput out) throws IOException {
        Instant now = clock.instant();
        Instant from = cursor.containsKey(BACKFILL_UNTIL) ? DT.parse(cursor.get(BACKFILL_UNTIL), Instant::from)
                : spec.since() == null ? null : spec.since().atStartOfDay(ZoneOffset.UTC).toInstant();
        while (from != null && from.isBefore(now)) {
            Instant to = from.plus(limits.backfillWindow());
            to = to.isAfter(now) ? now : to;
            export(from, to, out);
            out.advance(BACKFILL_UNTIL, DT.format(to));
            from = to;
            if (out.stopRequested()) {
                return;
            }
        }
        follow(cursor, out, now);
    }

    private void follow(Map<String, String> cursor, SourceOutput out, Instant now) throws IOException {
        String query = spec.query();
        URI feedUri = URI.create(spec.inboxUrl() + (query == null ? "new.atom" : "?q=" + encode(query) + "&x=A"));
        List<AtomFeed.Entry> entries;
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(feedUri).GET());
        try (InputStream body = response.body()) {
            if (response.statusCode() == 404) {
                entries = List.of(); // an empty inbox has no feed yet
            } else if (response.statusCode() != 200) {
                throw new HttpStatusException("GET " + feedUri + " answered " + response.statusCode(),
                        response.statusCode());
            } else {
                entries = AtomFeed.parse(body, spec.inboxUrl());
            }
        }
        Set<String> seen = new HashSet<>(Arrays.asList(cursor.getOrDefault(ATOM_SEEN, "").split(" ")));
        seen.remove("");
        boolean overlap = entries.stream().anyMatch(e -> seen.contains(e.messageId()));
        if (!seen.isEmpty() && !overlap && cursor.containsKey(ATOM_POLLED_AT)) {
            Instant previous = DT.parse(cursor.get(ATOM_POLLED_AT), Instant::from);
            export(previous.minus(GAP_MARGIN), now, out);
        }
        List<AtomFeed.Entry> fresh = new ArrayList<>(entries.stream().filter(e -> !seen.contains(e.messageId())).toList());
        java.util.Collections.reverse(fresh); // oldest first
        for (AtomFeed.Entry entry : fresh) {
            fetchRaw(entry, out);
        }
        List<String> ids = entries.stream().map(AtomFeed.Entry::messageId).toList();
        out.advance(ATOM_SEEN, String.join(" ", ids));
        out.advance(ATOM_POLLED_AT, DT.format(now));
        out.remaining(0);
    }

    private void fetchRaw(AtomFeed.Entry entry, SourceOutput out) throws IOException {
        URI raw = URI.create(spec.inboxUrl() + MessageIdPaths.escape(entry.messageId()) + "/raw");
        String position = "atom:" + entry.updated() + "/" + entry.messageId();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(raw).GET());
        try (InputStream body = response.body()) {
            if (response.statusCode() == 404) {
                out.skipped(source, position, "gone from the archive before it was fetched");
                return;
            }
            if (response.statusCode() != 200) {
                throw new HttpStatusException("GET " + raw + " answered " + response.statusCode(), response.statusCode());
            }
            readMbox(BoundedGzip.maybeDecompress(body, limits.maxExportBytes(), limits.maxCompressionRatio()),
                    source, position, out);
        }
    }

    private void export(Instant from, Instant to, SourceOutput out) throws IOException {
        String range = "dt:" + DT.format(from) + ".." + DT.format(to);
        String query = spec.query() == null ? range : "(" + spec.query() + ") AND " + range;
        URI uri = URI.create(spec.inboxUrl() + "?q=" + encode(query) + "&x=m");
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.ofString("z=1"))
                .header("Content-Type", "application/x-www-form-urlencoded"));
        try (InputStream body = response.body()) {
            if (response.statusCode() == 404) {
                return; // no mail in the window
            }
            if (response.statusCode() != 200) {
                throw new HttpStatusException("POST " + uri + " answered " + response.statusCode(), response.statusCode());
            }
            InputStream mbox = BoundedGzip.maybeDecompress(body, limits.maxExportBytes(), limits.maxCompressionRatio());
            readMbox(mbox, source, "export:" + range, out);
        }
    }

    private void readMbox(InputStream mbox, String source, String position, SourceOutput out) {
        try {
            MboxStream.read(mbox, limits.maxMessageBytes(), true, new MboxStream.Handler() {
                @Override
                public void message(byte[] raw, long offset) {
                    out.mail(raw, source, position + "/offset:" + offset);
                }

                @Override
                public void malformed(String reason, long afterOffset) {
                    out.rejected(source, position + "/after-offset:" + afterOffset, reason, new byte[0]);
                }
            });
        } catch (InputLimitException e) {
            out.rejected(source, position, e.getMessage(), new byte[0]);
        }
    }

    private static String encode(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
