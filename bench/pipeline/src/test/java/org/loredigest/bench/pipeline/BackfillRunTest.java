package org.loredigest.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackfillRunTest {

    /** 4,000 mails in 40 s; 10 CPU s in all; (a) 1 + 1 CPU s; (b) 4,400 messages in 20 s, 22 CPU s. */
    private static BackfillRun run(long classifyPeakKib) {
        return new BackfillRun(new BackfillRun.Input(9, 4400, 52_000_000), 40, 4000, 1000,
                Map.of("classify-service", 6.0, "elasticsearch", 4.0), 2,
                Map.of("ingest-service", 200 * 1024L, "classify-service", classifyPeakKib), Map.of(),
                new PlainBulkLoad.Result(5000, 2, 1, 1), 20, 22, 12_000, 9_000, 4_100, BackfillRun.Spent.NONE);
    }

    @Test
    void replaysAreACommaList() {
        assertThat(BackfillBench.replays("9")).containsExactly(9);
        assertThat(BackfillBench.replays("0, 9")).containsExactly(0, 9);
        assertThatThrownBy(() -> BackfillBench.replays("-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void figuresAreMillisecondsPerSearchableMail() {
        BackfillRun run = run(250 * 1024L);
        assertThat(run.input().name()).isEqualTo("10× (corpus + 9 rewritten copies)");
        assertThat(run.mailsPerSecond()).isEqualTo(100);
        assertThat(run.perMailMs(run.allCpuSeconds())).isEqualTo(2.5);
        assertThat(run.plainBulkCpuMsPerMail()).isEqualTo(0.5);
        assertThat(run.publicInboxCpuMsPerMessage()).isEqualTo(5);
    }

    @Test
    void targetsSayMetOrMissed() {
        List<BackfillRun.Target> targets = run(320 * 1024L).targets();
        assertThat(targets).extracting(BackfillRun.Target::measured)
                .containsExactly("100 mails/s", "0.45×", "2.50 ms", "320 MB (classify-service)");
        assertThat(targets).extracting(BackfillRun.Target::met).containsExactly(false, false, false, false);
        assertThat(run(300 * 1024L).targets().get(3).met()).isTrue();
    }

    @Test
    void unmeasuredPublicInboxCpuPrintsAsNotAvailable() {
        BackfillRun base = run(250 * 1024L);
        BackfillRun unmeasured = new BackfillRun(base.input(), base.seconds(), base.mailDocuments(), base.topics(),
                base.cpuSeconds(), base.cores(), base.peakRssKib(), base.jvmOptions(), base.bulk(), base.indexSeconds(),
                Double.NaN, base.classifiedRecords(), base.topicIndexOperations(), base.mailIndexOperations(), base.spent());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BackfillReport report = new BackfillReport(new PrintStream(out, true, StandardCharsets.UTF_8));
        report.print(unmeasured);
        report.summary(List.of(base, unmeasured));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("| **(b) public-inbox-index** (per message indexed, 4,400) | n/a | n/a |")
                .contains("| records on `lore.thread.classified.v1` (read_committed) | 12,000 | 1,000 topics | 12.00 |")
                .contains("| index operations on `lore-mails` (primaries) | 4,100 | 4,000 mails | 1.03 |");
    }
}
