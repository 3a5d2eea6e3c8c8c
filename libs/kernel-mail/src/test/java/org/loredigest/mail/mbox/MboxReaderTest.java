package org.loredigest.mail.mbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class MboxReaderTest {

    static final Path SHARED = Path.of(System.getProperty("lore.shared.dir", "../../../shared"));

    @Test
    void splitsMboxrdAndUndoesQuoting() {
        String mbox = """
                From mboxrd@z Thu Jan  1 00:00:00 1970
                Message-ID: <a@x>

                >From the start
                >>From quoted
                >not from
                
                From mboxrd@z Thu Jan  1 00:00:00 1970
                Message-ID: <b@x>

                body
                
                """;
        List<MboxMessage> messages = read(mbox.getBytes(StandardCharsets.UTF_8));
        assertThat(messages).hasSize(2);
        assertThat(text(messages.get(0))).isEqualTo("Message-ID: <a@x>\n\nFrom the start\n>From quoted\n>not from\n");
        assertThat(text(messages.get(1))).isEqualTo("Message-ID: <b@x>\n\nbody\n\n");
        assertThat(messages.get(1).index()).isEqualTo(1);
    }

    @Test
    void readsBareMessageAsOne() {
        List<MboxMessage> messages = read("Subject: hi\n\nno newline at end".getBytes(StandardCharsets.UTF_8));
        assertThat(messages).singleElement().satisfies(m -> assertThat(text(m)).isEqualTo("Subject: hi\n\nno newline at end"));
    }

    @Test
    void reportsOversizedMessageAndContinues() {
        String mbox = "From x\nSubject: big\n\n" + "y".repeat(200) + "\nFrom x\nSubject: small\n\nok\n";
        MboxReader reader = new MboxReader(new ByteArrayInputStream(mbox.getBytes(StandardCharsets.UTF_8)), 100);
        assertThatThrownBy(reader::next).isInstanceOf(MboxFormatException.class).hasMessageContaining("message 0");
        assertThat(text(reader.next())).startsWith("Subject: small");
        assertThat(reader.hasNext()).isFalse();
    }

    @Test
    void aFiftyMegabyteLineIsRefusedWhileItIsReadAndTheNextMessageSurvives() {
        int limit = 1024 * 1024;
        InputStream in = concat(ascii("From x\nSubject: flood\n\n"), new RepeatedByte('y', 50L * 1024 * 1024),
                ascii("\nFrom x\nSubject: after\n\nok\n"));
        MboxReader reader = new MboxReader(in, limit);
        long allocated = allocatedWhile(() -> {
            assertThatThrownBy(reader::next).isInstanceOf(MboxFormatException.class)
                    .hasMessageContaining("message 0").hasMessageContaining("exceeds the limit of " + limit);
            assertThat(text(reader.next())).isEqualTo("Subject: after\n\nok\n");
            assertThat(reader.hasNext()).isFalse();
        });
        // the line is never held whole: what was allocated stays near the limit, not near the line's 50 MB
        assertThat(allocated).as("bytes allocated while reading a 50 MB line under a 1 MB limit")
                .isLessThan(8L * 1024 * 1024);
    }

    @Test
    void aBareFiftyMegabyteLineWithoutAnyNewlineIsRefusedWithinTheLimit() {
        int limit = 1024 * 1024;
        MboxReader reader = new MboxReader(new RepeatedByte('z', 50L * 1024 * 1024), limit);
        long allocated = allocatedWhile(() -> {
            assertThatThrownBy(reader::next).isInstanceOf(MboxFormatException.class)
                    .hasMessageContaining("exceeds the limit of " + limit);
            assertThat(reader.hasNext()).isFalse();
        });
        assertThat(allocated).as("bytes allocated while reading a 50 MB line under a 1 MB limit")
                .isLessThan(8L * 1024 * 1024);
    }

    @Test
    void aLineJustUnderTheLimitIsKeptWhole() {
        String line = "w".repeat(90) + "\n";
        MboxReader reader = new MboxReader(new ByteArrayInputStream(("From x\n" + line + "From x\nb\n")
                .getBytes(StandardCharsets.UTF_8)), line.length());
        assertThat(text(reader.next())).isEqualTo(line);
        assertThat(text(reader.next())).isEqualTo("b\n");
    }

    @Test
    void anOversizedSeparatorLineStillStartsTheNextMessage() {
        String mbox = "From x\nSubject: first\n\none\nFrom " + "s".repeat(500) + "\nSubject: second\n\ntwo\n";
        MboxReader reader = new MboxReader(new ByteArrayInputStream(mbox.getBytes(StandardCharsets.UTF_8)), 100);
        assertThat(text(reader.next())).isEqualTo("Subject: first\n\none\n");
        MboxMessage second = reader.next();
        assertThat(text(second)).isEqualTo("Subject: second\n\ntwo\n");
        assertThat(second.offset()).isEqualTo(mbox.indexOf("From s"));
    }

    @Test
    void corpusMessageSizesMatchTheIndex() throws Exception {
        Path mbox = SHARED.resolve("corpus/lore-cgroups/cgroups-2024-03.mbox");
        try (InputStream in = Files.newInputStream(mbox)) {
            List<MboxMessage> messages = new MboxReader(in).stream().toList();
            assertThat(messages).hasSize(330);
            assertThat(messages.get(0).raw().length).isEqualTo(4507);
        }
    }

    /** Bytes this thread allocated while {@code work} ran (HotSpot's per-thread allocation counter). */
    private static long allocatedWhile(Runnable work) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        work.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    private static InputStream ascii(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static InputStream concat(InputStream... parts) {
        return new SequenceInputStream(Collections.enumeration(List.of(parts)));
    }

    /** {@code count} copies of one byte, made as they are read: a huge input without a huge array. */
    private static final class RepeatedByte extends InputStream {
        private final byte value;
        private long left;

        RepeatedByte(char value, long count) {
            this.value = (byte) value;
            this.left = count;
        }

        @Override
        public int read() {
            if (left == 0) {
                return -1;
            }
            left--;
            return value;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            Arrays.fill(b, off, off + n, value);
            left -= n;
            return n;
        }
    }

    private static List<MboxMessage> read(byte[] bytes) {
        return new MboxReader(new ByteArrayInputStream(bytes)).stream().toList();
    }

    private static String text(MboxMessage m) {
        return new String(m.raw(), StandardCharsets.UTF_8);
    }
}
