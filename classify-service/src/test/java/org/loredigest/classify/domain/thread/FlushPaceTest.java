package org.loredigest.classify.domain.thread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FlushPaceTest {

    private final FlushPace pace = FlushPace.DEFAULT;

    @Test
    void liveMailIsPublishedEverySecond() {
        assertThat(pace.due(Duration.ZERO, Duration.ofSeconds(1))).isTrue();
        assertThat(pace.due(Duration.ofMillis(1_800), Duration.ofSeconds(1))).isTrue();
        assertThat(pace.due(Duration.ofSeconds(5), Duration.ofSeconds(1))).isTrue();
    }

    @Test
    void aBacklogDefersUpToTheLongestDeferral() {
        assertThat(pace.due(Duration.ofSeconds(6), Duration.ofSeconds(1))).isFalse();
        assertThat(pace.due(Duration.ofMinutes(20), Duration.ofSeconds(59))).isFalse();
        assertThat(pace.due(Duration.ofMinutes(20), Duration.ofSeconds(60))).isTrue();
    }

    @Test
    void mailWithMuchOfItsSourceBehindItIsABacklogHoweverFreshTheRecord() {
        assertThat(pace.due(Duration.ZERO, 5_000, Duration.ofSeconds(1))).as("a backfill read as fast as it is written").isFalse();
        assertThat(pace.due(Duration.ZERO, 5_000, Duration.ofSeconds(60))).isTrue();
        assertThat(pace.due(Duration.ZERO, FlushPace.BACKLOG_ENTRIES - 1, Duration.ofSeconds(1))).as("its last entries").isTrue();
        assertThat(pace.due(Duration.ZERO, -1, Duration.ofSeconds(1))).as("a source that did not say").isTrue();
        assertThat(FlushPace.every(Duration.ofSeconds(1)).due(Duration.ZERO, 5_000, Duration.ofSeconds(1))).isTrue();
        assertThat(new FlushPace(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(60), 0)
                .due(Duration.ZERO, 5_000, Duration.ofSeconds(1))).as("the sources' word not taken").isTrue();
    }

    @Test
    void theFirstIntervalWithFreshInputOrNoneAfterABacklogPublishes() {
        assertThat(pace.due(Duration.ofMillis(300), Duration.ofSeconds(17))).isTrue();
        assertThat(pace.due(Duration.ZERO, Duration.ofSeconds(17))).isTrue();
    }

    @Test
    void everyIntervalWhenDeferralIsOff() {
        FlushPace every = FlushPace.every(Duration.ofSeconds(1));
        assertThat(every.due(Duration.ofDays(365), Duration.ofSeconds(1))).isTrue();
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new FlushPace(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FlushPace(Duration.ofSeconds(1), Duration.ofSeconds(-1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FlushPace(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .hasMessageContaining("shorter than the interval");
    }
}
