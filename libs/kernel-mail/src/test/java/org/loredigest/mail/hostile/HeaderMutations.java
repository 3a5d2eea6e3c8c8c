package org.loredigest.mail.hostile;

import java.util.Base64;
import java.util.List;
import java.util.Random;

/** Mutations of the header section (see {@link MutationKind} for what each one means). */
final class HeaderMutations {

    private static final List<String> BROKEN_WORDS = List.of(
            "=?utf-8?B?!!!not*base64!!!?=",
            "=?utf-8?Q?=ZZ=Q=?=",
            "=?x-no-such-charset?B?SGVsbG8gd29ybGQ=?=",
            "=?utf-8?B?SGVsbG8gd29y",
            "=??B?SGVsbG8=?=",
            "=?utf-8??SGVsbG8=?=",
            "=?UTF-16?B?AAB?=",
            "=?utf-8*en-us?Q?caf=C3=A9?=",
            "=?utf-8?Q?nul=00byte?=",
            "=?=?utf-8?b?=?=?=",
            "=?utf-8?B?" + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xC0, (byte) 0x80, (byte) 0xFF, 0x41}) + "?=",
            "=?iso-2022-jp?B?GyRCJUYlOSVIGyhC?= =?iso-2022-jp?B?GyRCJUYl?=",
            "=?utf-8?q?" + "=E2=82".repeat(2000) + "?=");

    private static final List<String> ABSURD_DATES = List.of(
            "Sat, 1 Jan 99999 00:00:00 +0000",
            "Mon, 4 Mar -2024 10:00:00 +0000",
            "-1",
            "0",
            "Thu, 01 Jan 1970 00:00:00 +0000",
            "Fri, 31 Dec 9999 23:59:59 +9999",
            "Sat, 31 Feb 2024 25:61:61 +0000",
            "yesterday, around tea time",
            "",
            "\u0000\u0001\u0002\u00ff\u00fe",
            "Tue, 5 Mar 2024 10:00:00 +0000 " + "(".repeat(5000),
            "9".repeat(10_000),
            "Mon, 4 Mar 2024 10:00:00 -2500",
            "Mon, 4 Mar 0 10:00:00 +0000",
            "Mon, 99999999999 Mar 2024 10:00:00 +0000",
            "2024-03-04T10:00:00Z",
            "1709546400",
            "Mon, 4 Mar 2024 10:00:00 +0000 +0000 GMT GMT",
            "Mon, 4 Mar 292278994 10:00:00 +0000");

    private static final List<String> BAD_MESSAGE_IDS = List.of(
            "", "<>", "<<<>>>", "<unterminated@example.org", "no-brackets-at-all", "< spaced id @ example.org >",
            "<a@example.org> <b@example.org>", "<\u0000@\u0000>", ">backwards@example.org<");

    private final Random random;

    HeaderMutations(Random random) {
        this.random = random;
    }

    byte[] brokenEncodedWords(MailText m) {
        String word = random.nextInt(8) == 0 ? manyWords() : pick(BROKEN_WORDS);
        MailText out = m.with("Subject", "[PATCH] " + word + " mm: " + pick(BROKEN_WORDS));
        if (random.nextBoolean()) {
            out = out.with("From", "\"" + pick(BROKEN_WORDS) + "\" <dev@example.org>");
        }
        if (random.nextBoolean()) {
            out = out.with("Cc", pick(BROKEN_WORDS) + " <cc@example.org>, =?utf-8?B?@@@?= <x@y>");
        }
        return out.toBytes();
    }

    byte[] hugeSubject(MailText m) {
        int size = 1024 * 1024;
        String subject = switch (random.nextInt(5)) {
            case 0 -> "[PATCH] " + "x".repeat(size);
            case 1 -> fold("[PATCH] mm: " + "word ".repeat(size / 5));
            case 2 -> "Re: ".repeat(size / 4) + "[PATCH] mm: fix";
            case 3 -> "[".repeat(size);
            default -> "[PATCH 1/2] ".repeat(size / 12) + "mm: fix";
        };
        return m.with("Subject", subject).toBytes();
    }

    byte[] manyReceived(MailText m) {
        StringBuilder received = new StringBuilder(10_000 * 120);
        for (int i = 0; i < 10_000; i++) {
            received.append("Received: from host").append(i).append(".example.org (host").append(i)
                    .append(" [10.0.0.1]) by mx.example.org with ESMTP id ").append(i)
                    .append(";\n\tMon, 4 Mar 2024 10:00:00 +0000\n");
        }
        return m.withHeader(received + m.header()).toBytes();
    }

    byte[] absurdDate(MailText m) {
        return switch (random.nextInt(6)) {
            case 0 -> m.without("Date").toBytes();
            case 1 -> m.with("Date", pick(ABSURD_DATES)).prepending("Date", pick(ABSURD_DATES)).toBytes();
            default -> m.with("Date", pick(ABSURD_DATES)).toBytes();
        };
    }

    byte[] missingMessageId(MailText m) {
        return switch (random.nextInt(4)) {
            case 0 -> m.without("Message-ID").toBytes();
            case 1 -> m.with("Message-ID", "<" + "a".repeat(100_000) + "@example.org>").toBytes();
            default -> m.with("Message-ID", pick(BAD_MESSAGE_IDS)).toBytes();
        };
    }

    byte[] duplicateHeaders(MailText m) {
        MailText out = m;
        String[][] seconds = {
                {"Message-ID", "<duplicate-" + random.nextInt(1000) + "@example.org>"},
                {"From", "Someone Else <else@example.org>"},
                {"Subject", "[PATCH v2 3/7] a different subject"},
                {"Date", "Tue, 5 Mar 2024 11:00:00 +0100"},
                {"Content-Type", "multipart/mixed; boundary=\"never-used\""},
                {"Content-Transfer-Encoding", "base64"},
                {"In-Reply-To", "<parent@example.org>"}};
        for (String[] field : seconds) {
            if (random.nextBoolean()) {
                out = random.nextBoolean() ? out.prepending(field[0], field[1]) : out.adding(field[0], field[1]);
            }
        }
        return (out == m ? m.adding("Message-ID", "<second@example.org>") : out).toBytes();
    }

    byte[] brokenHeaderSection(MailText m) {
        return switch (random.nextInt(8)) {
            case 0 -> MailText.bytes(m.header() + m.body()); // no blank line: the body runs into the header
            case 1 -> MailText.bytes(m.body());
            case 2 -> MailText.bytes(" leading space\n" + m.header() + "\n" + m.body());
            case 3 -> HostileMail.insert(m.toBytes(), 0, randomBytes(1 + random.nextInt(4096)));
            case 4 -> MailText.bytes("\n" + m.header() + "\n" + m.body());
            case 5 -> MailText.bytes("::::\n" + m.header() + "\n" + m.body());
            case 6 -> m.adding("X-" + "a".repeat(100_000), "value").toBytes();
            default -> m.adding("X-Folded", "start\n" + " more\n".repeat(100_000)).toBytes();
        };
    }

    byte[] referenceStorm(MailText m) {
        String own = m.get("Message-ID") == null ? "<self@example.org>" : m.get("Message-ID");
        StringBuilder refs = new StringBuilder(own);
        for (int i = 0; i < 5000; i++) {
            refs.append("\n <storm-").append(random.nextInt(200)).append("@example.org>");
        }
        refs.append(' ').append(own);
        MailText out = m.with("References", refs.toString());
        return switch (random.nextInt(3)) {
            case 0 -> out.with("In-Reply-To", own).toBytes();
            case 1 -> out.with("In-Reply-To", "<storm-1@example.org>").with("References", "<" + "<".repeat(100_000)).toBytes();
            default -> out.toBytes();
        };
    }

    private String manyWords() {
        return "=?utf-8?Q?a?= ".repeat(3000) + "=?utf-8?B?" + "QUFB".repeat(25_000) + "?=";
    }

    /** Folds at 76 characters, as mailers do. */
    private static String fold(String value) {
        StringBuilder out = new StringBuilder(value.length() + value.length() / 38);
        for (int i = 0; i < value.length(); i += 76) {
            out.append(i == 0 ? "" : "\n ").append(value, i, Math.min(value.length(), i + 76));
        }
        return out.toString();
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
