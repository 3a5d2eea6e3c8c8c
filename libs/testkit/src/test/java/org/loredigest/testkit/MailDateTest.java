package org.loredigest.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class MailDateTest {

    private static long epoch(String isoOffsetDateTime) {
        return OffsetDateTime.parse(isoOffsetDateTime).toEpochSecond();
    }

    @Test
    void readsAnRfc5322Date() {
        MailDate date = MailDate.parse("Wed, 6 Mar 2024 10:24:03 -0800").orElseThrow();
        assertThat(date.epochSeconds()).isEqualTo(epoch("2024-03-06T10:24:03-08:00"));
        assertThat(date.gitTime()).isEqualTo(epoch("2024-03-06T10:24:03-08:00") + " -0800");
    }

    @Test
    void toleratesMissingWeekdaySecondsAndTrailingComment() {
        assertThat(MailDate.parse("6 Mar 2024 10:24 +0100 (CET)").orElseThrow().epochSeconds())
                .isEqualTo(epoch("2024-03-06T10:24:00+01:00"));
    }

    @Test
    void readsObsoleteZoneNamesAndTwoDigitYears() {
        MailDate date = MailDate.parse("Tue, 02 Apr 19 10:00:00 PDT").orElseThrow();
        assertThat(date.zone()).isEqualTo("-0700");
        assertThat(date.epochSeconds()).isEqualTo(epoch("2019-04-02T10:00:00-07:00"));
    }

    @Test
    void absurdZoneKeepsTheInstantButWritesUtcForGit() {
        MailDate date = MailDate.parse("Tue, 02 Apr 2024 10:00:00 +1700").orElseThrow();
        assertThat(date.epochSeconds()).isEqualTo(epoch("2024-04-02T10:00:00Z") - 17 * 3600);
        assertThat(date.zone()).isEqualTo("+0000");
    }

    @Test
    void findsTheStampInsideAReceivedLine() {
        String received = "from ny.mirrors.kernel.org by lists.example (Postfix) with ESMTPS id 1; Wed, 6 Mar 2024 19:26:39 +0100 (CET)";
        assertThat(MailDate.parse(received).orElseThrow().epochSeconds()).isEqualTo(epoch("2024-03-06T19:26:39+01:00"));
    }

    @Test
    void garbageIsNoDate() {
        assertThat(MailDate.parse("yesterday, around noon")).isEmpty();
        assertThat(MailDate.parse("31 Foo 2024 10:00:00 +0000")).isEmpty();
        assertThat(MailDate.parse("32 Mar 2024 10:00:00 +0000")).isEmpty();
        assertThat(MailDate.parse(null)).isEmpty();
    }
}
