package org.loredigest.mail.mbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void corpusMessageSizesMatchTheIndex() throws Exception {
        Path mbox = SHARED.resolve("corpus/lore-cgroups/cgroups-2024-03.mbox");
        try (InputStream in = Files.newInputStream(mbox)) {
            List<MboxMessage> messages = new MboxReader(in).stream().toList();
            assertThat(messages).hasSize(330);
            assertThat(messages.get(0).raw().length).isEqualTo(4507);
        }
    }

    private static List<MboxMessage> read(byte[] bytes) {
        return new MboxReader(new ByteArrayInputStream(bytes)).stream().toList();
    }

    private static String text(MboxMessage m) {
        return new String(m.raw(), StandardCharsets.UTF_8);
    }
}
