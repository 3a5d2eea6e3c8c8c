package org.loredigest.classify.domain.thread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FlushPaceTest {

    private final FlushPace pace = FlushPace.DEFAULT;

    @Test
    void liveMailIsPublishedEverySecond() {
        assertThat(pace.due(0, Duration.ofSeconds(1))).isTrue();
        assertThat(pace.due(3, Duration.ofSeconds(1))).isTrue();
        assertThat(pace.due(200, Duration.ofSeconds(1))).isTrue();
    }

    @Test
    void aBacklogDefersUpToTheLongestDeferral() {
        assertThat(pace.due(201, Duration.ofSeconds(1))).isFalse();
        assertThat(pace.due(5_000, Duration.ofSeconds(29))).isFalse();
        assertThat(pace.due(5_000, Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void theFirstQuietIntervalAfterABacklogPublishes() {
        assertThat(pace.due(12, Duration.ofSeconds(17))).isTrue();
    }

    @Test
    void everyIntervalWhenDeferralIsOff() {
        FlushPace every = FlushPace.every(Duration.ofSeconds(1));
        assertThat(every.due(1_000_000, Duration.ofSeconds(1))).isTrue();
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new FlushPace(Duration.ZERO, 1, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FlushPace(Duration.ofSeconds(1), -1, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FlushPace(Duration.ofSeconds(5), 1, Duration.ofSeconds(1)))
                .hasMessageContaining("shorter than the interval");
    }
}
