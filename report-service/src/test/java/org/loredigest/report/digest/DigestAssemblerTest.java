package org.loredigest.report.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestAssemblerTest {

    final Digest digest = new DigestAssembler().assemble(List.of("linux-mm", "cgroups"), LocalDate.parse("2024-03-04"),
            LocalDate.parse("2024-03-10"), DigestFixtures.week(), DigestFixtures.weekBefore(), Instant.EPOCH);

    @Test
    void aSeriesShowsOnceAsItsNewestRevision() {
        assertThat(digest.overview().topics()).isEqualTo(5);
        assertThat(digest.perList().stream().flatMap(s -> s.topics().stream()).map(DigestTopic::id))
                .contains("a2@x").doesNotContain("a1@x");
    }

    @Test
    void overviewAndDistributionsCountTopics() {
        assertThat(digest.overview().security()).isEqualTo(1);
        assertThat(digest.overview().withFix()).isEqualTo(4);
        assertThat(digest.overview().withFixPercent()).isEqualTo(80.0);
        assertThat(digest.overview().applied()).isEqualTo(1);
        assertThat(digest.byType()).extracting(Digest.Count::key).containsExactly("bug", "feature", "patch", "discussion");
        assertThat(digest.byList()).extracting(Digest.Count::key).containsExactly("linux-mm", "cgroups");
    }

    @Test
    void rankingPutsSeverityAndSecurityFirst() {
        assertThat(digest.top().get(0).id()).isEqualTo("evil@example.org");
        assertThat(digest.fixes()).extracting(DigestTopic::id).doesNotContain("c@x");
        assertThat(digest.fixes().get(0).severity()).isEqualTo("critical");
    }

    @Test
    void trendsCompareWithThePreviousPeriodOfTheSameLength() {
        assertThat(digest.trends().previousFrom()).isEqualTo(LocalDate.parse("2024-02-26"));
        assertThat(digest.trends().previousTo()).isEqualTo(LocalDate.parse("2024-03-03"));
        assertThat(digest.trends().byType()).filteredOn(c -> c.key().equals("bug"))
                .singleElement().satisfies(c -> assertThat(c.delta()).isZero());
        assertThat(digest.trends().byType()).filteredOn(c -> c.key().equals("feature"))
                .singleElement().satisfies(c -> assertThat(c.signedDelta()).isEqualTo("+1"));
        assertThat(digest.trends().newContributors()).contains("Bob <bob@example.org>").noneMatch(a -> a.startsWith("Alice"));
        // series s1 counts the mails of both its revisions (12 + 8), as many as b@x; the id decides the tie
        assertThat(digest.trends().busiestSeries()).extracting(DigestTopic::id).containsExactly("a2@x", "b@x");
        assertThat(digest.trends().busiestSeries().get(0).activity().messages()).isEqualTo(20);
    }
}
