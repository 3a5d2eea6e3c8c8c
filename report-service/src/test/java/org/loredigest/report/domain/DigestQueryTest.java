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

    @Test
    void daysArePlainCalendarDatesInABoundedRange() {
        for (String day : new String[] {"now-1d", "2024-03-01||+1y", "+10000-01-01", "-999999999-01-01", "2024-02-30",
                "2024-03-01T00:00:00Z", "1969-12-31", "3000-01-01", "２０２４-03-01"}) {
            assertThatThrownBy(() -> DigestQuery.day("to", day)).as(day)
                    .isInstanceOf(InvalidQueryException.class).hasMessageContaining("to must be a date like 2024-03-01");
        }
        assertThat(DigestQuery.day("to", " 2024-02-29 ")).isEqualTo(LocalDate.parse("2024-02-29"));
        assertThat(DigestQuery.day("to", "2999-12-31")).isEqualTo(DigestQuery.LAST_DAY);
    }

    @Test
    void listsAreNamesNotPatternsAndBoundedInNumber() {
        assertThat(DigestQuery.parse("cgroups,cgroups", null, null, 92, CLOCK).lists()).containsExactly("cgroups");
        assertThatThrownBy(() -> DigestQuery.parse("cgroups*", null, null, 92, CLOCK)).hasMessageContaining("not a list name");
        String many = String.join(",", java.util.stream.IntStream.range(0, 51).mapToObj(i -> "l" + i).toList());
        assertThatThrownBy(() -> DigestQuery.parse(many, null, null, 92, CLOCK)).hasMessageContaining("at most 50 lists");
    }
}
