package org.loredigest.classify.domain.thread;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlushClockTest {

    private final FlushClock clock = new FlushClock(FlushPace.DEFAULT);

    @Test
    void liveInputIsPublishedEveryInterval() {
        clock.input(10_000, 0);
        assertThat(clock.tick(10_500)).isTrue();
        assertThat(clock.backlogOfLastFlush()).isEqualTo(-1);
        clock.input(11_000, -1);
        assertThat(clock.tick(11_500)).isTrue();
    }

    @Test
    void aSourceBacklogDefersUntilTheLongestDeferralAndIsPassedOn() {
        long now = 1_000_000;
        assertThat(clock.tick(now)).as("nothing yet: the first tick publishes nothing pending").isTrue();
        for (int s = 1; s < 60; s++) {
            clock.input(now + s * 1000L - 100, 5_000 - s);
            assertThat(clock.tick(now + s * 1000L)).as("second %d", s).isFalse();
        }
        clock.input(now + 59_900, 4_000);
        assertThat(clock.tick(now + 60_000)).isTrue();
        assertThat(clock.backlogOfLastFlush()).isEqualTo(4_000);
    }

    @Test
    void quietAfterABacklogPublishesAndSaysLive() {
        clock.input(1_000, 5_000);
        assertThat(clock.tick(1_100)).isFalse();
        assertThat(clock.tick(2_100)).as("a second without input: the thread may be busy").isFalse();
        assertThat(clock.tick(3_100)).isFalse();
        assertThat(clock.tick(4_100)).isTrue();
        assertThat(clock.backlogOfLastFlush()).isEqualTo(-1);
    }

    @Test
    void oneInputWithoutWordFromItsSourceMakesTheIntervalLive() {
        clock.input(1_000, 5_000);
        clock.input(1_000, -1);
        assertThat(clock.tick(1_100)).isTrue();
    }
}
