package org.loredigest.bench.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.loredigest.mail.header.MailDates;
import org.loredigest.mail.mbox.MboxMessage;
import org.loredigest.mail.mbox.MboxReader;
import org.loredigest.mail.mbox.MboxrdWriter;

/**
 * A busy week replayed from the corpus: several lists' real mail, each list's busiest months squeezed into one week
 * by rewriting Date headers linearly (order, threads, replies and bodies stay as they were; a reply that came a
 * month later still comes later). Two months of cgroups and two of linux-security-module give about 2,000 mails in
 * the week — the size of a linux-mm week.
 */
final class BusyWeek {

    /** The replayed week, Monday to Sunday. */
    static final LocalDate FROM = LocalDate.parse("2024-03-04");
    static final LocalDate TO = LocalDate.parse("2024-03-10");

    /** One list's part: its mbox files and the real window that becomes the week. */
    record Source(String list, String folder, String glob, LocalDate windowFrom, LocalDate windowTo) {
    }

    static final List<Source> SOURCES = List.of(
            new Source("cgroups", "lore-cgroups", "cgroups-2024-0[1-3].mbox", LocalDate.parse("2024-02-01"),
                    LocalDate.parse("2024-03-31")),
            new Source("linux-security-module", "lore-linux-security-module", "linux-security-module-2024H2.mbox",
                    LocalDate.parse("2024-08-01"), LocalDate.parse("2024-09-30")));

    private static final Pattern DATE_HEADER = Pattern.compile("(?im)^Date:[^\\n]*(?:\\n[ \\t][^\\n]*)*");
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME;

    /** A replayed list: its name and the rewritten mbox. */
    record Replayed(String list, Path mbox, long messages) {
    }

    private BusyWeek() {
    }

    static List<Replayed> write(Path corpus, Path workDir) throws IOException {
        Files.createDirectories(workDir);
        List<Replayed> out = new ArrayList<>();
        for (Source source : SOURCES) {
            Path folder = corpus.resolve(source.folder());
            var glob = folder.getFileSystem().getPathMatcher("glob:" + source.glob());
            List<Path> mboxes;
            try (var files = Files.list(folder)) {
                mboxes = files.filter(p -> glob.matches(p.getFileName())).sorted().toList();
            }
            Path target = workDir.resolve(source.list() + "-busy-week.mbox");
            long messages = 0;
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
                for (Path mbox : mboxes) {
                    try (InputStream in = Files.newInputStream(mbox)) {
                        for (Iterator<MboxMessage> it = new MboxReader(in); it.hasNext(); ) {
                            byte[] raw = it.next().raw();
                            if (raw.length > 0) {
                                MboxrdWriter.append(o, redate(raw, source));
                                messages++;
                            }
                        }
                    }
                }
            }
            out.add(new Replayed(source.list(), target, messages));
        }
        return out;
    }

    /** The message with its Date moved from the source's window into the week; undated mail is left as it is. */
    static byte[] redate(byte[] raw, Source source) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\n\n");
        String headers = end < 0 ? text : text.substring(0, end);
        var m = DATE_HEADER.matcher(headers);
        if (!m.find()) {
            return raw;
        }
        Instant date = MailDates.parse(m.group().substring(5).strip()).instant();
        if (date == null) {
            return raw;
        }
        String line = "Date: " + RFC_1123.format(squeeze(date, source).atZone(ZoneOffset.UTC));
        return (headers.substring(0, m.start()) + line + headers.substring(m.end()) + (end < 0 ? "" : text.substring(end)))
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Linear: the window's start is the week's start, the window's length the week's. */
    static Instant squeeze(Instant date, Source source) {
        Instant windowStart = source.windowFrom().atStartOfDay(ZoneOffset.UTC).toInstant();
        long window = Duration.between(windowStart, source.windowTo().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()).toSeconds();
        long week = Duration.ofDays(7).toSeconds();
        long offset = Duration.between(windowStart, date).toSeconds();
        return FROM.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(Math.floorDiv(offset * week, window));
    }
}
