package org.loredigest.mail.header;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MailDatesTest {

    @Test
    void rfc5322Variants() {
        assertThat(MailDates.parse("Wed,  3 Jan 2024 08:48:35 -0800").instant()).isEqualTo(Instant.parse("2024-01-03T16:48:35Z"));
        assertThat(MailDates.parse("Wed, 3 Jan 2024 08:48:35 -0800 (PST)").instant()).isEqualTo(Instant.parse("2024-01-03T16:48:35Z"));
        assertThat(MailDates.parse("3 Jan 2024 08:48 GMT").instant()).isEqualTo(Instant.parse("2024-01-03T08:48:00Z"));
        assertThat(MailDates.parse("Fri, 21 Feb 20 10:45:54 GMT").instant()).isEqualTo(Instant.parse("2020-02-21T10:45:54Z"));
        assertThat(MailDates.parse("Tue, 13 Feb 2024 03:16:34 EST").instant()).isEqualTo(Instant.parse("2024-02-13T08:16:34Z"));
        assertThat(MailDates.parse("Tue, 13 Feb 2024 03:16:34 -0500").note()).isNull();
    }

    @Test
    void theSendersZoneIsKeptAsMinutesEastOfUtc() {
        assertThat(MailDates.parse("Wed,  3 Jan 2024 08:48:35 -0800").utcOffsetMinutes()).isEqualTo(-480);
        assertThat(MailDates.parse("Thu, 7 Mar 2024 17:05:21 +0530").utcOffsetMinutes()).isEqualTo(330);
        assertThat(MailDates.parse("Tue, 13 Feb 2024 03:16:34 EST").utcOffsetMinutes()).isEqualTo(-300);
        assertThat(MailDates.parse("3 Jan 2024 08:48 GMT").utcOffsetMinutes()).isZero();
        assertThat(MailDates.parse("Thu, 7 Mar 2024 17:05:21").utcOffsetMinutes()).as("no zone").isNull();
        assertThat(MailDates.parse("Mon, 19 Aug 2024 10:00:00 +1700").utcOffsetMinutes()).as("absurd zone").isNull();
        assertThat(MailDates.parse("yesterday").utcOffsetMinutes()).isNull();
    }

    @Test
    void absurdZoneIsReadAsUtcAndReported() {
        MailDate d = MailDates.parse("Mon, 19 Aug 2024 10:00:00 +1700");
        assertThat(d.instant()).isEqualTo(Instant.parse("2024-08-19T10:00:00Z"));
        assertThat(d.note()).contains("absurd zone '+1700'");
        assertThat(MailDates.parse("Mon, 19 Aug 2024 10:00:00 +0popo").note()).contains("zone");
    }

    @Test
    void numbersTooLongForADayOrAYearAreUnusableNotAnOverflow() {
        assertThat(MailDates.parse("Mon, 99999999999 Mar 2024 10:00:00 +0000").instant()).isNull();
        assertThat(MailDates.parse("9".repeat(10_000)).note()).startsWith("unparseable Date");
        assertThat(MailDates.parse("Sat, 1 Jan 99999 00:00:00 +0000").instant()).isEqualTo(Instant.parse("+99999-01-01T00:00:00Z"));
    }

    @Test
    void garbageIsUnusable() {
        assertThat(MailDates.parse("yesterday").instant()).isNull();
        assertThat(MailDates.parse("").instant()).isNull();
        assertThat(MailDates.parse("31 Feb 2024 10:00:00 +0000").instant()).isNull();
        assertThat(MailDates.parse("Mon, 19 Aug 2024 25:00:00 +0000").instant()).isNull();
    }

    @Test
    void iso8601ValuesAreRead() {
        MailDate t = MailDates.parse("2024-03-05T10:11:12+01:00");
        assertThat(t.instant()).isEqualTo(Instant.parse("2024-03-05T09:11:12Z"));
        assertThat(t.note()).isNull();
        assertThat(t.utcOffsetMinutes()).isEqualTo(60);
        MailDate spaced = MailDates.parse(" 2024-03-05 10:11:12 +0100 ");
        assertThat(spaced.instant()).isEqualTo(Instant.parse("2024-03-05T09:11:12Z"));
        assertThat(spaced.utcOffsetMinutes()).isEqualTo(60);
        assertThat(MailDates.parse("2024-03-05T10:11:12Z").instant()).isEqualTo(Instant.parse("2024-03-05T10:11:12Z"));
        assertThat(MailDates.parse("2024-03-05T10:11:12.345-05:00").instant()).isEqualTo(Instant.parse("2024-03-05T15:11:12Z"));
        assertThat(MailDates.parse("2024-03-05 10:11 UTC").instant()).isEqualTo(Instant.parse("2024-03-05T10:11:00Z"));
        assertThat(MailDates.parse("2024-03-05 10:11:12 -0800 (PST)").utcOffsetMinutes()).isEqualTo(-480);
    }

    @Test
    void iso8601KeepsTheZoneChecks() {
        MailDate absurd = MailDates.parse("2024-08-19T10:00:00+17:00");
        assertThat(absurd.instant()).isEqualTo(Instant.parse("2024-08-19T10:00:00Z"));
        assertThat(absurd.note()).contains("absurd zone '+17:00'");
        assertThat(absurd.utcOffsetMinutes()).isNull();
        MailDate noZone = MailDates.parse("2024-03-05 10:11:12");
        assertThat(noZone.instant()).isEqualTo(Instant.parse("2024-03-05T10:11:12Z"));
        assertThat(noZone.note()).contains("no zone");
        assertThat(MailDates.parse("2024-02-31T10:00:00+00:00").instant()).isNull();
        assertThat(MailDates.parse("2024-03-05T25:00:00+00:00").instant()).isNull();
        assertThat(MailDates.parse("2024-03-05 and then some").instant()).isNull();
    }
}
