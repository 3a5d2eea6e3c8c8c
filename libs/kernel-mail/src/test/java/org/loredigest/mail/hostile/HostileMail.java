package org.loredigest.mail.hostile;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded, deterministic mutator that turns real messages into hostile ones: the same seed, seed messages and call
 * sequence give the same bytes on every machine, so any failure is reproduced from the seed printed by the test.
 *
 * <p>Plain Java on purpose: parser tests, ingest integration tests and classify tests all draw from it.
 */
public final class HostileMail {

    /**
     * One hostile message.
     *
     * @param index     position in the run (0, 1, 2, ...)
     * @param kind      what was done to it
     * @param seedIndex which seed message it came from
     * @param raw       the bytes
     */
    public record Variant(int index, MutationKind kind, int seedIndex, byte[] raw) {

        public String describe() {
            return "#" + index + " " + kind + " of seed message " + seedIndex + " (" + raw.length + " bytes)";
        }
    }

    private final long seed;
    private final Random random;
    private final HeaderMutations headers;
    private final BodyMutations bodies;
    private final int totalWeight;
    private int produced;

    public HostileMail(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
        this.headers = new HeaderMutations(random);
        this.bodies = new BodyMutations(random);
        int sum = 0;
        for (MutationKind kind : MutationKind.values()) {
            sum += kind.weight();
        }
        this.totalWeight = sum;
    }

    public long seed() {
        return seed;
    }

    /** A variant of a randomly chosen seed message, its kind drawn by {@link MutationKind#weight()}. */
    public Variant next(List<byte[]> seeds) {
        return next(seeds, drawKind());
    }

    /** A variant of a randomly chosen seed message with the given kind. */
    public Variant next(List<byte[]> seeds, MutationKind kind) {
        int seedIndex = random.nextInt(seeds.size());
        return new Variant(produced++, kind, seedIndex, mutate(seeds.get(seedIndex), kind));
    }

    /** The kind for draw number {@code draw} of a run: every kind once first (so each is covered), then by weight. */
    public MutationKind kindFor(int draw) {
        MutationKind[] all = MutationKind.values();
        return draw < all.length ? all[draw] : drawKind();
    }

    public byte[] mutate(byte[] message, MutationKind kind) {
        MailText m = MailText.of(message);
        return switch (kind) {
            case TRUNCATED -> java.util.Arrays.copyOf(message, message.length == 0 ? 0 : random.nextInt(message.length));
            case TRUNCATED_MIME -> bodies.truncatedMime(m);
            case MISSING_CLOSING_BOUNDARY -> bodies.missingClosingBoundary(m);
            case BOGUS_CHARSET -> bodies.bogusCharset(m);
            case BROKEN_ENCODED_WORDS -> headers.brokenEncodedWords(m);
            case HUGE_SUBJECT -> headers.hugeSubject(m);
            case MANY_RECEIVED -> headers.manyReceived(m);
            case DEEP_MULTIPART -> bodies.deepMultipart(m, 500);
            case NUL_BYTES -> nulBytes(message);
            case INVALID_UTF8 -> bodies.invalidUtf8(m);
            case ABSURD_DATE -> headers.absurdDate(m);
            case HUGE_BODY -> bodies.hugeBody(m, 20 * 1024 * 1024);
            case BROKEN_BASE64 -> bodies.brokenBase64(m);
            case BROKEN_QUOTED_PRINTABLE -> bodies.brokenQuotedPrintable(m);
            case MISSING_MESSAGE_ID -> headers.missingMessageId(m);
            case DUPLICATE_HEADERS -> headers.duplicateHeaders(m);
            case BROKEN_HEADER_SECTION -> headers.brokenHeaderSection(m);
            case BYTE_NOISE -> byteNoise(message);
            case LINE_ENDINGS -> lineEndings(message);
            case REFERENCE_STORM -> headers.referenceStorm(m);
            case MBOX_FROM_LINES -> bodies.mboxFromLines(m);
        };
    }

    /** The message with its Message-ID replaced (a batch needs distinct ids, or ingest skips copies). */
    public static byte[] withMessageId(byte[] message, String messageId) {
        return MailText.of(message).with("Message-ID", "<" + messageId + ">").toBytes();
    }

    /** How many variants of each kind a list holds (for summaries). */
    public static Map<MutationKind, Integer> countByKind(List<Variant> variants) {
        Map<MutationKind, Integer> counts = new EnumMap<>(MutationKind.class);
        for (Variant v : variants) {
            counts.merge(v.kind(), 1, Integer::sum);
        }
        return counts;
    }

    private MutationKind drawKind() {
        int pick = random.nextInt(totalWeight);
        for (MutationKind kind : MutationKind.values()) {
            pick -= kind.weight();
            if (pick < 0) {
                return kind;
            }
        }
        throw new IllegalStateException("weights changed while drawing");
    }

    private byte[] nulBytes(byte[] message) {
        byte[] out = message;
        int inserts = 1 + random.nextInt(20);
        for (int i = 0; i < inserts; i++) {
            // half of them in the first 2 KB, where the header is
            int limit = random.nextBoolean() ? Math.min(out.length, 2048) : out.length;
            out = insert(out, random.nextInt(limit + 1), new byte[random.nextInt(4) == 0 ? 64 : 1]);
        }
        return out;
    }

    private byte[] byteNoise(byte[] message) {
        byte[] out = message.clone();
        int operations = 1 + random.nextInt(50);
        for (int i = 0; i < operations; i++) {
            int at = out.length == 0 ? 0 : random.nextInt(out.length);
            switch (random.nextInt(3)) {
                case 0 -> {
                    if (out.length > 0) {
                        out[at] = (byte) random.nextInt(256);
                    }
                }
                case 1 -> out = insert(out, at, new byte[] {(byte) random.nextInt(256)});
                default -> {
                    if (out.length > 0) {
                        byte[] shorter = new byte[out.length - 1];
                        System.arraycopy(out, 0, shorter, 0, at);
                        System.arraycopy(out, at + 1, shorter, at, out.length - at - 1);
                        out = shorter;
                    }
                }
            }
        }
        return out;
    }

    private byte[] lineEndings(byte[] message) {
        String text = new String(message, java.nio.charset.StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
        String out = switch (random.nextInt(4)) {
            case 0 -> text.replace("\n", "");
            case 1 -> text.replace("\n", "\r");
            case 2 -> text.replace("\n", "\r\n");
            default -> {
                StringBuilder mixed = new StringBuilder(text.length() + text.length() / 20);
                for (String line : text.split("\n", -1)) {
                    mixed.append(line).append(switch (random.nextInt(3)) {
                        case 0 -> "\n";
                        case 1 -> "\r";
                        default -> "\r\n";
                    });
                }
                yield mixed.toString();
            }
        };
        return MailText.bytes(out);
    }

    static byte[] insert(byte[] into, int at, byte[] what) {
        byte[] out = new byte[into.length + what.length];
        System.arraycopy(into, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(into, at, out, at + what.length, into.length - at);
        return out;
    }
}
