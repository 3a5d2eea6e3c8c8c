package org.loredigest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.loredigest.report.kafka.Channels;
import org.loredigest.events.Topics;

/** The channel-to-topic bindings in application.properties must name the topics of the event contract. */
class ChannelTopicsTest {

    @Test
    void channelsAreBoundToContractTopics() throws Exception {
        Properties props = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            props.load(in);
        }
        assertThat(props.getProperty("mp.messaging.incoming." + Channels.MAIL_PARSED + ".topic")).isEqualTo(Topics.MAIL_PARSED);
        assertThat(props.getProperty("mp.messaging.outgoing." + Channels.MAIL_PARSED_DLQ + ".topic")).isEqualTo(Topics.MAIL_PARSED_DLQ);
        assertThat(props.getProperty("mp.messaging.incoming." + Channels.THREAD_CLASSIFIED + ".topic")).isEqualTo(Topics.THREAD_CLASSIFIED);
        assertThat(props.getProperty("mp.messaging.outgoing." + Channels.THREAD_CLASSIFIED_DLQ + ".topic")).isEqualTo(Topics.THREAD_CLASSIFIED_DLQ);
        assertThat(props.getProperty("mp.messaging.incoming." + Channels.THREAD_SUMMARISED + ".topic")).isEqualTo(Topics.THREAD_SUMMARISED);
        assertThat(props.getProperty("mp.messaging.outgoing." + Channels.THREAD_SUMMARISED_DLQ + ".topic")).isEqualTo(Topics.THREAD_SUMMARISED_DLQ);
    }
}
