package org.loredigest.classify.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loredigest.events.MailHeaders;

class FlushRoundTest {

    @Test
    void aRoundLongerThanTheBudgetGoesOnAtTheNextPunctuation() {
        FlushRound round = new FlushRound(Duration.ofMillis(50));
        round.start(List.of("a", "b", "c", "d"), -1);
        List<String> published = new ArrayList<>();
        round.drain(key -> {
            published.add(key);
            sleep(40);
        });
        // the budget is checked before each key: at least one, and no more than two of 40 ms fit in 50 ms
        assertThat(published).hasSizeBetween(1, 2);
        assertThat(round.active()).isTrue();
        for (int punctuation = 0; punctuation < 4 && round.active(); punctuation++) {
            round.drain(key -> {
                published.add(key);
                sleep(40);
            });
        }
        assertThat(published).containsExactly("a", "b", "c", "d");
        assertThat(round.active()).isFalse();
    }

    @Test
    void recordsOfARoundMadeDuringABacklogSaySo() {
        FlushRound round = new FlushRound();
        round.start(List.of("a"), 4_000);
        assertThat(new String(round.headers().lastHeader(MailHeaders.SOURCE_BACKLOG).value(), StandardCharsets.UTF_8))
                .isEqualTo("4000");
        round.start(List.of("b"), -1);
        assertThat(round.headers().lastHeader(MailHeaders.SOURCE_BACKLOG)).isNull();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
