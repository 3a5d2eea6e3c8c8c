package org.loredigest.report.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.loredigest.report.elasticsearch.BackfillMode.Switch.NONE;
import static org.loredigest.report.elasticsearch.BackfillMode.Switch.RELAX;
import static org.loredigest.report.elasticsearch.BackfillMode.Switch.RESTORE;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackfillModeTest {

    private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");

    private final BackfillMode mode = new BackfillMode(200, 2, Duration.ofSeconds(10));

    @Test
    void relaxesAfterLargeBatchesInARowAndRestoresAtTheFirstSmallOne() {
        assertThat(mode.onBatch(500, T0)).isEqualTo(NONE);
        assertThat(mode.onBatch(200, T0.plusSeconds(1))).isEqualTo(RELAX);
        assertThat(mode.onBatch(500, T0.plusSeconds(2))).isEqualTo(NONE);
        assertThat(mode.relaxed()).isTrue();
        assertThat(mode.onBatch(12, T0.plusSeconds(3))).isEqualTo(RESTORE);
        assertThat(mode.onBatch(12, T0.plusSeconds(4))).isEqualTo(NONE);
        assertThat(mode.relaxed()).isFalse();
    }

    @Test
    void smallBatchesOfOldMailAreABackfillPacedByAnEarlierStage() {
        BackfillMode byLag = new BackfillMode(200, 2, Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(5));
        assertThat(byLag.onBatch(40, Duration.ofSeconds(90), T0)).isEqualTo(NONE);
        assertThat(byLag.onBatch(35, Duration.ofSeconds(95), T0.plusSeconds(1))).isEqualTo(RELAX);
        assertThat(byLag.onBatch(3, Duration.ofSeconds(2), T0.plusSeconds(2))).as("fresh mail: caught up").isEqualTo(RESTORE);
        assertThat(mode.onBatch(40, Duration.ofMinutes(5), T0)).as("lag not configured").isEqualTo(NONE);
        assertThat(mode.onBatch(40, Duration.ofMinutes(5), T0)).isEqualTo(NONE);
    }

    @Test
    void aSingleLargeBatchBetweenSmallOnesIsNoBackfill() {
        assertThat(mode.onBatch(500, T0)).isEqualTo(NONE);
        assertThat(mode.onBatch(3, T0)).isEqualTo(NONE);
        assertThat(mode.onBatch(500, T0)).isEqualTo(NONE);
        assertThat(mode.relaxed()).isFalse();
    }

    @Test
    void aQuietSpellWhileRelaxedRestores() {
        mode.onBatch(500, T0);
        mode.onBatch(500, T0);
        assertThat(mode.onTick(T0.plusSeconds(9))).isEqualTo(NONE);
        assertThat(mode.onTick(T0.plusSeconds(10))).isEqualTo(RESTORE);
        assertThat(mode.onTick(T0.plusSeconds(30))).isEqualTo(NONE);
        assertThat(mode.onBatch(500, T0.plusSeconds(31))).as("a new backlog needs its own run of large batches").isEqualTo(NONE);
    }

    @Test
    void atStartUpTheIntervalIsRestoredWhateverItWas() {
        mode.assumeRelaxed();
        assertThat(mode.restoreNow()).isEqualTo(RESTORE);
        assertThat(mode.restoreNow()).isEqualTo(NONE);
    }

    @Test
    void aFailedSwitchIsTriedAgain() {
        mode.onBatch(500, T0);
        assertThat(mode.onBatch(500, T0)).isEqualTo(RELAX);
        mode.failed(RELAX);
        assertThat(mode.onBatch(500, T0)).isEqualTo(RELAX);
        assertThat(mode.onBatch(5, T0)).isEqualTo(RESTORE);
        mode.failed(RESTORE);
        assertThat(mode.onTick(T0.plusSeconds(10))).isEqualTo(RESTORE);
    }

    /**
     * A backlog polled in batches of uneven size (large, then the rest of a fetch) stays relaxed: a smaller batch of mail
     * written seconds ago means the consumer is still behind. Before, each such batch restored the interval (a settings
     * update and a refresh) and the next large one relaxed it again, dozens of times a minute.
     */
    @Test
    void smallerBatchesOfRecordsSecondsOldBetweenLargeOnesKeepTheIndexRelaxed() {
        BackfillMode byLag = new BackfillMode(200, 2, Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(5));
        assertThat(byLag.onBatch(299, Duration.ofSeconds(5), T0)).isEqualTo(NONE);
        assertThat(byLag.onBatch(241, Duration.ofSeconds(6), T0.plusSeconds(1))).isEqualTo(RELAX);
        for (int i = 0; i < 20; i++) {
            assertThat(byLag.onBatch(165, Duration.ofSeconds(6 + i / 2), T0.plusSeconds(2 + i))).isEqualTo(NONE);
            assertThat(byLag.onBatch(500, Duration.ofSeconds(7 + i / 2), T0.plusSeconds(2 + i))).isEqualTo(NONE);
        }
        assertThat(byLag.relaxed()).isTrue();
        assertThat(byLag.onBatch(12, Duration.ofSeconds(5), T0.plusSeconds(30))).as("caught up").isEqualTo(RESTORE);
        assertThat(byLag.onTick(T0.plusSeconds(60))).isEqualTo(NONE);
    }

    @Test
    void aCaughtUpLagAboveTheBacklogLagIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new BackfillMode(200, 2, Duration.ofSeconds(10),
                Duration.ofSeconds(20), Duration.ofSeconds(30))).isInstanceOf(IllegalArgumentException.class);
    }
}
