package org.loredigest.classify.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TextMemoTest {

    @Test
    void aTextIsComputedOnceWhileRemembered() {
        TextMemo<Integer> memo = new TextMemo<>(2);
        AtomicInteger calls = new AtomicInteger();
        assertThat(memo.apply("a patch", t -> calls.incrementAndGet() + t.length())).isEqualTo(8);
        assertThat(memo.apply("a patch", t -> calls.incrementAndGet() + t.length())).isEqualTo(8);
        assertThat(calls).hasValue(1);
    }

    @Test
    void theLeastRecentlyUsedTextIsForgottenFirst() {
        TextMemo<Optional<String>> memo = new TextMemo<>(2);
        AtomicInteger calls = new AtomicInteger();
        memo.apply("first", t -> count(calls));
        memo.apply("second", t -> count(calls));
        memo.apply("first", t -> count(calls)); // used again: "second" is now the eldest
        memo.apply("third", t -> count(calls));
        assertThat(calls).hasValue(3);
        memo.apply("first", t -> count(calls));
        assertThat(calls).hasValue(3);
        memo.apply("second", t -> count(calls));
        assertThat(calls).hasValue(4);
    }

    @Test
    void textsOfTheSameLengthHashApart() {
        assertThat(TextMemo.hash64("ab")).isNotEqualTo(TextMemo.hash64("ba"));
        assertThat(TextMemo.hash64("")).isNotEqualTo(TextMemo.hash64("\0"));
    }

    private static Optional<String> count(AtomicInteger calls) {
        calls.incrementAndGet();
        return Optional.empty();
    }
}
