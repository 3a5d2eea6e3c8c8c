package org.loredigest.bench.pipeline;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.loredigest.mail.mbox.MboxMessage;
import org.loredigest.mail.mbox.MboxReader;
import org.loredigest.mail.mbox.MboxrdWriter;

/**
 * The corpus as the pipeline runs see it: every mbox of {@code ../shared/corpus}, one list per corpus folder, and
 * for scale, replays of it. Replay {@code n} is the same mail with every Message-ID, In-Reply-To and References id
 * rewritten to {@code <rN.ID>} (threads stay threads, but are new ones), {@code " rN"} appended to the Subject, the
 * sender's address in From made {@code local+rN@domain} and every b4 {@code change-id:} line of the body given a
 * {@code -rN} suffix (a series stays one series, but a new one by another sender: ten series of the same title on the
 * same files by one author, each posted as v1, v2, ..., are not what a list carries, and series lineage would link
 * every copy with every other), and an {@code X-Lore-Replay: N} header (so mail without a Message-ID, identified by
 * its content, is new as well).
 */
public final class CorpusReplay {

    /** Corpus folder → list name; {@code samples/} is left out, its messages are copies of lore-cgroups ones. */
    static final Map<String, String> LISTS = new LinkedHashMap<>();

    static {
        // in this order every run: the order sources start in shapes the run
        LISTS.put("lore-cgroups", "cgroups");
        LISTS.put("linux-mm-kvack", "linux-mm");
        LISTS.put("damon-format-patch", "damon");
        LISTS.put("patchwork-fixtures", "patchwork");
    }

    /** Part of every replay file's name: files written by an earlier rewrite are not reused. */
    static final String FORMAT = "f2";
    private static final Pattern ID_HEADER = Pattern.compile("(?i)^(message-id|in-reply-to|references):");
    private static final Pattern SUBJECT = Pattern.compile("(?i)^subject:");
    private static final Pattern FROM = Pattern.compile("(?i)^from:");
    private static final Pattern ADDRESS = Pattern.compile("([^<>\\s@\",:;]+)@([^<>\\s@\",;]+)");
    private static final Pattern CHANGE_ID = Pattern.compile("(?m)^(change-id: *)(\\S+)$");
    private static final Pattern ID = Pattern.compile("<([^<>\\s]+)>");

    /** One list's mail: the mbox files in the order they go into its archive. */
    public record ListMail(String list, List<Path> mboxes, long messages, long bytes) {
    }

    private CorpusReplay() {
    }

    /**
     * The corpus and {@code replays} rewritten copies of it (0: the corpus alone), per list. Replays are written to
     * {@code workDir} once and reused.
     */
    public static List<ListMail> of(Path corpus, int replays, Path workDir) throws IOException {
        List<ListMail> lists = new ArrayList<>();
        for (var folder : LISTS.entrySet()) {
            List<Path> originals = mboxesIn(corpus.resolve(folder.getKey()));
            List<Path> mboxes = new ArrayList<>(originals);
            long[] counts = count(originals);
            for (int n = 1; n <= replays; n++) {
                Path replay = workDir.resolve(folder.getValue() + "-replay-" + n + "." + FORMAT + ".mbox");
                if (!Files.isRegularFile(replay)) {
                    write(originals, n, replay);
                }
                mboxes.add(replay);
            }
            lists.add(new ListMail(folder.getValue(), mboxes, counts[0] * (replays + 1), counts[1] * (replays + 1)));
        }
        return lists;
    }

    static List<Path> mboxesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".mbox")).sorted().toList();
        }
    }

    /** Messages and bytes of the mbox files. */
    static long[] count(List<Path> mboxes) throws IOException {
        long messages = 0;
        long bytes = 0;
        for (Path mbox : mboxes) {
            try (InputStream in = Files.newInputStream(mbox)) {
                for (Iterator<MboxMessage> it = new MboxReader(in); it.hasNext(); ) {
                    byte[] raw = it.next().raw();
                    if (raw.length > 0) {
                        messages++;
                        bytes += raw.length;
                    }
                }
            }
        }
        return new long[] {messages, bytes};
    }

    private static void write(List<Path> originals, int replay, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
            for (Path mbox : originals) {
                try (InputStream in = Files.newInputStream(mbox)) {
                    for (Iterator<MboxMessage> it = new MboxReader(in); it.hasNext(); ) {
                        byte[] raw = it.next().raw();
                        if (raw.length > 0) {
                            MboxrdWriter.append(out, rewrite(raw, replay));
                        }
                    }
                }
            }
        }
        Files.move(partial, target);
    }

    /** The message of replay {@code n}: ids, Subject and sender rewritten in the header block, the body's change-ids. */
    static byte[] rewrite(byte[] raw, int n) {
        // ISO-8859-1 maps bytes to chars one to one, so the body's bytes come back unchanged whatever its charset.
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\n\n");
        String headers = end < 0 ? text : text.substring(0, end + 1);
        StringBuilder out = new StringBuilder(text.length() + 64).append("X-Lore-Replay: ").append(n).append('\n');
        boolean inIdHeader = false;
        boolean inSubject = false;
        boolean inFrom = false;
        String[] lines = headers.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean continuation = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
            inIdHeader = continuation ? inIdHeader : ID_HEADER.matcher(line).find();
            inSubject = continuation ? inSubject : SUBJECT.matcher(line).find();
            inFrom = continuation ? inFrom : FROM.matcher(line).find();
            boolean subjectEnds = inSubject && (i + 1 >= lines.length || lines[i + 1].isEmpty()
                    || (lines[i + 1].charAt(0) != ' ' && lines[i + 1].charAt(0) != '\t'));
            out.append(inIdHeader ? ID.matcher(line).replaceAll(m -> Matcher.quoteReplacement("<r" + n + "." + m.group(1) + ">"))
                    : inFrom ? ADDRESS.matcher(line).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "+r" + n + "@" + m.group(2)))
                    : line);
            out.append(subjectEnds ? " r" + n + "\n" : "\n");
        }
        out.setLength(out.length() - 1);
        if (end >= 0) {
            out.append(CHANGE_ID.matcher(text.substring(end + 1)).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + "-r" + n)));
        }
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
