package org.loredigest.servicekit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;

class NativeLz4Test {

    @Test
    void theNativeCodecIsLoadedAndReadsWhatTheJavaCodecWrites() {
        assertThat(NativeLz4.load()).as("lz4-java's native library for this platform").isTrue();
        assertThat(NativeLz4.active()).isTrue();
        assertThat(NativeLz4.load()).as("loading twice").isTrue();

        byte[] mail = "Subject: [PATCH] mm: fix foo\n\nSigned-off-by: A Dev <dev@example.org>\n".repeat(200)
                .getBytes(StandardCharsets.UTF_8);
        byte[] byJava = LZ4Factory.fastestJavaInstance().fastCompressor().compress(mail);
        byte[] byNative = LZ4Factory.fastestInstance().fastCompressor().compress(mail);
        assertThat(LZ4Factory.fastestInstance().fastDecompressor().decompress(byJava, mail.length)).isEqualTo(mail);
        assertThat(LZ4Factory.fastestJavaInstance().fastDecompressor().decompress(byNative, mail.length)).isEqualTo(mail);
    }
}
