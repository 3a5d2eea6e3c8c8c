package org.loredigest.servicekit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Topic creation switched off leaves the broker alone (report-service's TopicsAtStartupIT covers it switched on). */
class TopicsAtStartupTest {

    @Test
    void withCreateTopicsOffNothingContactsTheBroker() {
        // nothing listens on port 1: an attempt to connect would fail or time out
        assertThat(new TopicsAtStartup(false, (short) 3, "127.0.0.1:1").ensureTopics()).isEmpty();
    }
}
