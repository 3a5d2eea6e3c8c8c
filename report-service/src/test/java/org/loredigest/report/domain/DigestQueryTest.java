package org.loredigest.report.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DigestQueryTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-20T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void defaultsToTheLastSevenDays() {
        DigestQuery q = DigestQuery.parse(null, null, null, 92, CLOCK);
        assertThat(q.from()).isEqualTo(LocalDate.parse("2024-03-14"));
        assertThat(q.to()).isEqualTo(LocalDate.parse("2024-03-20"));
        assertThat(q.days()).isEqualTo(7);
        assertThat(q.lists()).isEmpty();
    }

    @Test
    void parsesListsAndPeriod() {
        DigestQuery q = DigestQuery.parse("linux-mm, cgroups", "2024-03-01", "2024-03-31", 92, CLOCK);
        assertThat(q.lists()).containsExactly("linux-mm", "cgroups");
        assertThat(q.days()).isEqualTo(31);
    }

    @Test
    void refusesBadInputWithClearMessages() {
        assertThatThrownBy(() -> DigestQuery.parse(null, "2024-03-10", "2024-03-01", 92, CLOCK))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("after");
        assertThatThrownBy(() -> DigestQuery.parse(null, "March", null, 92, CLOCK))
                .hasMessageContaining("from must be a date");
        assertThatThrownBy(() -> DigestQuery.parse("linux-mm\" OR *", null, null, 92, CLOCK))
                .hasMessageContaining("not a list name");
        assertThatThrownBy(() -> DigestQuery.parse(null, "2023-01-01", "2024-03-01", 92, CLOCK))
                .hasMessageContaining("at most 92");
    }
}
