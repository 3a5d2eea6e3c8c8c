package org.loredigest.classify.domain.summary;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.loredigest.classify.domain.mail.ThreadMessage;
import org.loredigest.classify.domain.thread.ThreadView;

/**
 * The essential text of a thread, the only thing a language model is shown: cover letter, commit messages, the
 * report, review replies, each under its Message-ID, with quoted lines, diffs and signatures left out and each
 * message cut. Its {@link #contentHash()} names the thread's content: a new reply changes it, a replay does not.
 *
 * @param threadId    the topic
 * @param title       the topic's title
 * @param messages    the messages in thread order
 * @param contentHash SHA-256 of the text below, hex
 */
public record EvidencePack(String threadId, String title, List<Entry> messages, String contentHash) {

    /** Longest text kept of one message, and of the whole pack: a 300-message thread still fits a prompt. */
    static final int MESSAGE_LIMIT = 2_500;
    static final int PACK_LIMIT = 24_000;

    public EvidencePack {
        messages = List.copyOf(messages);
    }

    /**
     * @param messageId the message
     * @param role      cover letter, patch, report, review reply, bot report
     * @param author    display name or address
     * @param text      what the author wrote, trimmed
     */
    public record Entry(String messageId, String role, String author, String text) {
    }

    public static EvidencePack of(ThreadView thread) {
        List<Entry> entries = new ArrayList<>();
        int total = 0;
        for (ThreadMessage m : thread.messages()) {
            String text = trimmed(m);
            if (text.isBlank() && !m.coverLetter() && m.reply()) {
                continue; // a bare quote or a trailer-only reply ("Acked-by") says nothing a summary needs
            }
            if (total + text.length() > PACK_LIMIT) {
                text = text.substring(0, Math.max(0, Math.min(text.length(), PACK_LIMIT - total)));
            }
            total += text.length();
            entries.add(new Entry(m.messageId(), role(m), m.fromName() == null || m.fromName().isBlank() ? m.fromEmail()
                    : m.fromName(), text));
        }
        String title = thread.first().title();
        return new EvidencePack(thread.threadId(), title, entries, hash(title, entries));
    }

    public Set<String> messageIds() {
        Set<String> ids = new LinkedHashSet<>();
        messages.forEach(e -> ids.add(e.messageId()));
        return ids;
    }

    /** The pack as the model reads it: one block per message, headed by its id. */
    public String render() {
        StringBuilder sb = new StringBuilder("Title: ").append(title).append("\n");
        for (Entry e : messages) {
            sb.append("\n=== Message-ID: ").append(e.messageId()).append(" | ").append(e.role()).append(" | from ")
                    .append(e.author()).append(" ===\n").append(e.text()).append('\n');
        }
        return sb.toString();
    }

    private static String trimmed(ThreadMessage m) {
        StringBuilder sb = new StringBuilder();
        for (String line : m.text().split("\n", -1)) {
            String l = line.stripTrailing();
            if (l.startsWith(">") || l.startsWith("On ") && l.endsWith("wrote:")) {
                continue;
            }
            if (l.equals("-- ")) {
                break; // signature
            }
            sb.append(l).append('\n');
        }
        if (!m.changelog().isBlank()) {
            sb.append("\n[changes between versions]\n").append(m.changelog().strip()).append('\n');
        }
        if (!m.callTrace().isBlank()) {
            sb.append("\n[call trace]\n").append(m.callTrace().strip()).append('\n');
        }
        String text = sb.toString().replaceAll("\n{3,}", "\n\n").strip();
        return text.length() <= MESSAGE_LIMIT ? text : text.substring(0, MESSAGE_LIMIT) + " […]";
    }

    private static String role(ThreadMessage m) {
        if (m.coverLetter()) {
            return "cover letter";
        }
        if (m.seriesMember()) {
            return "patch " + (m.total() > 0 ? m.part() + "/" + m.total() : "") + " (commit message)";
        }
        if (m.fromBot()) {
            return "bot report";
        }
        return m.reply() ? "reply" : "report";
    }

    private static String hash(String title, List<Entry> entries) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(title.getBytes(StandardCharsets.UTF_8));
            for (Entry e : entries) {
                sha.update((byte) 0);
                sha.update(e.messageId().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(e.text().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
