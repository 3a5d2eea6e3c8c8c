package org.loredigest.events.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WriteAccessTest {

    final WriteAccess keyed = new WriteAccess(Optional.of("s3cret"), "lore.test.api-key");
    final WriteAccess keyless = new WriteAccess(Optional.empty(), "lore.test.api-key");

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD", "OPTIONS", "get"})
    void readsNeedNoKey(String method) {
        assertThat(keyed.check(method, "203.0.113.7", null)).isEmpty();
        assertThat(keyless.check(method, "203.0.113.7", null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "post", "PROPFIND", "TRACE"})
    void everyOtherMethodIsAWriteThatNeedsTheKey(String method) {
        assertThat(keyed.check(method, "127.0.0.1", null)).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.message()).contains(WriteAccess.HEADER);
        });
        assertThat(keyed.check(method, "127.0.0.1", "wrong")).map(WriteAccess.Refusal::status).contains(401);
        assertThat(keyed.check(method, "127.0.0.1", "s3cre")).map(WriteAccess.Refusal::status).contains(401);
        assertThat(keyed.check(method, "127.0.0.1", "")).map(WriteAccess.Refusal::status).contains(401);
        assertThat(keyed.check(method, "203.0.113.7", "s3cret")).isEmpty();
    }

    @Test
    void withoutAKeyOnlyThisHostMayWrite() {
        assertThat(keyless.check("POST", "127.0.0.1", null)).isEmpty();
        assertThat(keyless.check("POST", "0:0:0:0:0:0:0:1", null)).isEmpty();
        for (String remote : new String[] {"203.0.113.7", "2001:db8::1", "localhost", "", null}) {
            assertThat(keyless.check("POST", remote, "anything")).as(remote).hasValueSatisfying(r -> {
                assertThat(r.status()).isEqualTo(403);
                assertThat(r.message()).contains("lore.test.api-key");
            });
        }
    }

    @Test
    void aBlankKeyCountsAsNone() {
        WriteAccess blank = new WriteAccess(Optional.of("  "), "lore.test.api-key");
        assertThat(blank.check("POST", "203.0.113.7", "  ")).map(WriteAccess.Refusal::status).contains(403);
    }
}
