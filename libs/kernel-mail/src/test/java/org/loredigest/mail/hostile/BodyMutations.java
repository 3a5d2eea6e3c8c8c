package org.loredigest.mail.hostile;

import java.util.Base64;
import java.util.List;
import java.util.Random;

/** Mutations of the body and MIME structure (see {@link MutationKind} for what each one means). */
final class BodyMutations {

    private static final List<String> BOGUS_CHARSETS = List.of(
            "x-no-such-charset", "", "\"\"", "\"utf-8", "utf-8\u0000", "UTF-16", "UTF-32BE", "ISO-2022-JP", "UTF-7",
            "../../../etc/passwd", "a".repeat(10_000), "utf-8; charset=latin1", "cp1252\t", "unicode-1-1-utf-7",
            "IBM037", "x-IBM930", "GB18030", "\u00e9t\u00e9", "*", "utf-8'en'");

    private static final byte[][] INVALID_UTF8 = {
            {(byte) 0xC0, (byte) 0x80}, {(byte) 0xC1, (byte) 0xBF}, {(byte) 0xFF}, {(byte) 0xFE}, {(byte) 0x80},
            {(byte) 0xBF}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}};

    private final Random random;

    BodyMutations(Random random) {
        this.random = random;
    }

    byte[] truncatedMime(MailText m) {
        String boundary = boundary();
        MailText multipart = asMultipart(m, boundary, true);
        String body = multipart.body();
        int secondPart = body.indexOf("--" + boundary, body.indexOf("--" + boundary) + 1);
        int cut = secondPart + random.nextInt(Math.max(1, body.length() - secondPart));
        return multipart.withBody(body.substring(0, cut)).toBytes();
    }

    byte[] missingClosingBoundary(MailText m) {
        String boundary = boundary();
        return switch (random.nextInt(5)) {
            case 0 -> asMultipart(m, boundary, false).toBytes();
            case 1 -> asMultipart(m, boundary, true).with("Content-Type", "multipart/mixed; boundary=\"nowhere\"").toBytes();
            case 2 -> asMultipart(m, boundary, true).with("Content-Type", "multipart/mixed; boundary=\"\"").toBytes();
            case 3 -> asMultipart(m, boundary, true).with("Content-Type", "multipart/alternative").toBytes();
            default -> {
                String longBoundary = "b".repeat(200 + random.nextInt(10_000));
                yield asMultipart(m, longBoundary, random.nextBoolean()).toBytes();
            }
        };
    }

    byte[] bogusCharset(MailText m) {
        String charset = BOGUS_CHARSETS.get(random.nextInt(BOGUS_CHARSETS.size()));
        if (random.nextBoolean()) {
            return m.with("Content-Type", "text/plain; charset=" + charset).without("Content-Transfer-Encoding").toBytes();
        }
        String boundary = boundary();
        MailText multipart = asMultipart(m, boundary, true);
        return multipart.withBody(multipart.body().replace("charset=utf-8", "charset=" + charset)).toBytes();
    }

    byte[] deepMultipart(MailText m, int depth) {
        StringBuilder body = new StringBuilder(depth * 120 + m.body().length());
        String[] subtypes = {"mixed", "alternative", "signed", "related"};
        for (int level = 1; level < depth; level++) {
            body.append("--b").append(level - 1).append("\nContent-Type: multipart/")
                    .append(subtypes[random.nextInt(subtypes.length)]).append("; boundary=\"b").append(level).append("\"\n\n");
        }
        body.append("--b").append(depth - 1).append("\nContent-Type: text/plain; charset=utf-8\n\n").append(m.body()).append('\n');
        boolean closed = random.nextBoolean();
        for (int level = depth - 1; level >= 0 && closed; level--) {
            body.append("--b").append(level).append("--\n");
        }
        return m.with("MIME-Version", "1.0").with("Content-Type", "multipart/mixed; boundary=\"b0\"")
                .without("Content-Transfer-Encoding").withBody(body.toString()).toBytes();
    }

    byte[] invalidUtf8(MailText m) {
        byte[] raw = m.with("Content-Type", "text/plain; charset=utf-8").with("Content-Transfer-Encoding", "8bit")
                .with("Subject", "[PATCH] broken \u00c3 text").toBytes();
        int inserts = 1 + random.nextInt(30);
        for (int i = 0; i < inserts; i++) {
            raw = HostileMail.insert(raw, random.nextInt(raw.length + 1), INVALID_UTF8[random.nextInt(INVALID_UTF8.length)]);
        }
        return raw;
    }

    byte[] hugeBody(MailText m, int size) {
        StringBuilder body = new StringBuilder(size + 200);
        switch (random.nextInt(4)) {
            case 0 -> {
                body.append("Signed-off-by: A Dev <dev@example.org>\n---\ndiff --git a/mm/x.c b/mm/x.c\n--- a/mm/x.c\n")
                        .append("+++ b/mm/x.c\n@@ -1,1 +1,2000000 @@ static int foo(void)\n");
                while (body.length() < size) {
                    body.append("+\tfoo_charge(memcg, page);\n");
                }
            }
            case 1 -> {
                while (body.length() < size) {
                    body.append("> > On Mon, Mar 4, 2024 at 10:00 someone wrote:\n");
                }
            }
            case 2 -> body.append("a".repeat(size));
            default -> {
                String seed = m.body().isEmpty() ? "text\n" : m.body();
                while (body.length() < size) {
                    body.append(seed);
                }
            }
        }
        body.setLength(size);
        return m.without("Content-Transfer-Encoding").withBody(body.toString()).toBytes();
    }

    byte[] brokenBase64(MailText m) {
        String encoded = Base64.getMimeEncoder().encodeToString(MailText.bytes(m.body()));
        String broken = switch (random.nextInt(5)) {
            case 0 -> m.body(); // not base64 at all
            case 1 -> sprinkle(encoded, List.of("!!!", "====", "\u0000", "*", "=A", "\u00ff"));
            case 2 -> encoded.substring(0, Math.max(0, encoded.length() - 1 - random.nextInt(4)));
            case 3 -> encoded.replace("\r\n", "=\r\n");
            default -> "QUJD".repeat(300_000);
        };
        return encodedBody(m, "base64", broken);
    }

    byte[] brokenQuotedPrintable(MailText m) {
        String broken = switch (random.nextInt(4)) {
            case 0 -> sprinkle(m.body(), List.of("=ZZ", "=4", "=\n", "=\r", "=00", "=0D=0A", "=="));
            case 1 -> m.body() + "=";
            case 2 -> "=41".repeat(100_000);
            default -> "x".repeat(100_000) + "=\n" + "=".repeat(1000);
        };
        return encodedBody(m, "quoted-printable", broken);
    }

    byte[] mboxFromLines(MailText m) {
        String[] separators = {"From dev@example.org Mon Mar  4 10:00:00 2024", ">From dev@example.org", ">>From x",
                "From ", "From:", "From mboxrd@z Thu Jan  1 00:00:00 1970"};
        StringBuilder body = new StringBuilder(m.body().length() + 200);
        for (String line : m.body().split("\n", -1)) {
            if (random.nextInt(5) == 0) {
                body.append(separators[random.nextInt(separators.length)]).append('\n');
            }
            body.append(line).append('\n');
        }
        return m.withBody(body.toString()).toBytes();
    }

    /** The seed's text as the first part, an attachment as the second; {@code closed}: with the closing boundary. */
    private MailText asMultipart(MailText m, String boundary, boolean closed) {
        byte[] attachment = new byte[64 + random.nextInt(2048)];
        random.nextBytes(attachment);
        String body = "This is a multi-part message in MIME format.\n--" + boundary
                + "\nContent-Type: text/plain; charset=utf-8\n\n" + m.body() + "\n--" + boundary
                + "\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n"
                + "Content-Disposition: attachment; filename=\"trace.bin\"\n\n"
                + Base64.getMimeEncoder().encodeToString(attachment).replace("\r\n", "\n") + "\n"
                + (closed ? "--" + boundary + "--\n" : "");
        return m.with("MIME-Version", "1.0").with("Content-Type", "multipart/mixed; boundary=\"" + boundary + "\"")
                .without("Content-Transfer-Encoding").withBody(body);
    }

    /** Half the time top-level, half the time inside the first part of a multipart. */
    private byte[] encodedBody(MailText m, String encoding, String body) {
        if (random.nextBoolean()) {
            return m.with("Content-Transfer-Encoding", encoding).with("Content-Type", "text/plain; charset=utf-8")
                    .withBody(body).toBytes();
        }
        String boundary = boundary();
        MailText multipart = asMultipart(m.withBody(body), boundary, true);
        String marked = multipart.body().replaceFirst("charset=utf-8\n",
                "charset=utf-8\nContent-Transfer-Encoding: " + encoding + "\n");
        return multipart.withBody(marked).toBytes();
    }

    private String sprinkle(String text, List<String> junk) {
        StringBuilder out = new StringBuilder(text);
        int inserts = 1 + random.nextInt(20);
        for (int i = 0; i < inserts; i++) {
            out.insert(random.nextInt(out.length() + 1), junk.get(random.nextInt(junk.size())));
        }
        return out.toString();
    }

    private String boundary() {
        return "=_hostile_" + Long.toHexString(random.nextLong());
    }
}
