package org.loredigest.mail.patch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code git patch-id --stable}, re-implemented line by line after git's builtin/patch-id.c: whitespace is
 * removed from every line, {@code index} lines and hunk line numbers are ignored, and with {@code --stable}
 * each file's SHA-1 is summed into the result (with carry) so that file order does not matter. Feed the lines
 * of a message body; hashing starts at the first {@code diff } line and ends where git's parser ends the patch.
 */
public final class PatchId {

    private final MessageDigest sha1;
    private final byte[] result = new byte[20];
    private byte[] buffer = new byte[256];
    private int patchLength;
    private int before = -1;
    private int after = -1;
    private boolean binary;
    private boolean done;
    private String preOid = "";
    private String postOid = "";

    public PatchId() {
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    /** The patch-id of the first patch in {@code text}, or {@code null} when it contains no diff. */
    public static String of(String text) {
        PatchId id = new PatchId();
        int start = 0;
        int n = text.length();
        while (start < n && !id.done) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            id.line(text, start, end);
            start = end + 1;
        }
        return id.finish();
    }

    /** Consumes one line (without its newline). */
    public void line(String text, int start, int end) {
        if (done) {
            return;
        }
        // "\ No newline at end of file" is not part of the change (git skips such lines first thing)
        if (text.startsWith("\\ ", start) && end - start + 1 > 12) {
            return;
        }
        if (patchLength == 0 && !text.startsWith("diff ", start)) {
            return;
        }
        if (before == -1) {
            if (text.startsWith("GIT binary patch", start) || text.startsWith("Binary files", start)) {
                binary = true;
                before = 0;
                update(preOid);
                update(postOid);
                flush();
                return;
            } else if (text.startsWith("index ", start)) {
                int dots = text.indexOf("..", start, end); // within the line: a search past it rescans the text
                if (dots >= 0) {
                    int space = text.indexOf(' ', dots);
                    int oid2End = space < 0 || space > end ? end : space;
                    preOid = text.substring(start + 6, dots);
                    postOid = text.substring(dots + 2, oid2End);
                }
                return;
            } else if (text.startsWith("--- ", start)) {
                before = 1;
                after = 1;
            } else if (start >= end || !isAlpha(text.charAt(start))) {
                done = true;
                return;
            }
        }
        if (binary) {
            if (text.startsWith("diff ", start)) {
                binary = false;
                before = -1;
            }
            return;
        }
        if (before == 0 && after == 0) {
            if (text.startsWith("@@ -", start)) {
                scanHunkHeader(text, start, end);
                return;
            }
            if (!text.startsWith("diff ", start)) {
                done = true;
                return;
            }
            flush();
            before = -1;
            after = -1;
        }
        char c = start < end ? text.charAt(start) : '\0';
        if (c == '-' || c == ' ') {
            before--;
        }
        if (c == '+' || c == ' ') {
            after--;
        }
        hashWithoutSpace(text, start, end);
    }

    /** The id in hex, or {@code null} when no diff was seen. */
    public String finish() {
        if (patchLength == 0) {
            return null;
        }
        flush();
        done = true;
        return HexFormat.of().formatHex(result);
    }

    private void scanHunkHeader(String text, int start, int end) {
        int q = start + 4;
        int n = digits(text, q, end);
        if (q + n < end && text.charAt(q + n) == ',') {
            q += n + 1;
            n = digits(text, q, end);
            before = n == 0 ? 0 : Integer.parseInt(text, q, q + n, 10);
        } else {
            before = 1;
        }
        if (n == 0 || q + n + 1 >= end || text.charAt(q + n) != ' ' || text.charAt(q + n + 1) != '+') {
            return;
        }
        int r = q + n + 2;
        n = digits(text, r, end);
        if (r + n < end && text.charAt(r + n) == ',') {
            r += n + 1;
            n = digits(text, r, end);
            after = n == 0 ? 0 : Integer.parseInt(text, r, r + n, 10);
        } else {
            after = 1;
        }
    }

    private static int digits(String text, int from, int end) {
        int i = from;
        while (i < end && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }

    private void hashWithoutSpace(String text, int start, int end) {
        int len = 0;
        boolean ascii = true;
        if (buffer.length < end - start) {
            buffer = new byte[Math.max(end - start, buffer.length * 2)];
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c >= 128) {
                ascii = false;
                break;
            }
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                buffer[len++] = (byte) c;
            }
        }
        if (!ascii) {
            StringBuilder sb = new StringBuilder(end - start);
            for (int i = start; i < end; i++) {
                char c = text.charAt(i);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    sb.append(c);
                }
            }
            byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
            sha1.update(bytes);
            patchLength += bytes.length;
            return;
        }
        sha1.update(buffer, 0, len);
        patchLength += len;
    }

    private void update(String s) {
        sha1.update(s.getBytes(StandardCharsets.US_ASCII));
    }

    /** Adds the current file's digest into the result, 20-byte sum with carry, as git's flush_one_hunk. */
    private void flush() {
        byte[] hash = sha1.digest();
        int carry = 0;
        for (int i = 0; i < 20; i++) {
            carry += (result[i] & 0xff) + (hash[i] & 0xff);
            result[i] = (byte) carry;
            carry >>= 8;
        }
    }

    private static boolean isAlpha(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
