package org.loredigest.classify.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MailDatesTest {

    @Test
    void readsDatesAsMailersWriteThem() {
        assertThat(MailDates.parse("Wed,  6 Mar 2024 10:23:58 -0800")).contains(Instant.parse("2024-03-06T18:23:58Z"));
        assertThat(MailDates.parse("Fri, 1 Mar 2024 00:54:01 +0800 (CST)")).contains(Instant.parse("2024-02-29T16:54:01Z"));
        assertThat(MailDates.parse("1 Mar 2024 00:54 +0000")).contains(Instant.parse("2024-03-01T00:54:00Z"));
        assertThat(MailDates.parse("Tue, 19 Aug 2014 17:21:36 GMT")).contains(Instant.parse("2014-08-19T17:21:36Z"));
    }

    @Test
    void impossibleZonesAreReadAsUtcAndGarbageIsEmpty() {
        assertThat(MailDates.parse("Mon, 4 Mar 2024 10:00:00 +1700")).contains(Instant.parse("2024-03-04T10:00:00Z"));
        assertThat(MailDates.parse("yesterday")).isEmpty();
        assertThat(MailDates.parse("")).isEmpty();
        assertThat(MailDates.parse(null)).isEmpty();
    }
}
