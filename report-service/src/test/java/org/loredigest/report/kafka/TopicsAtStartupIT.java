package org.loredigest.report.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.loredigest.events.TopicSpec;
import org.loredigest.events.Topics;
import org.loredigest.events.kafka.TopicBootstrap;
import org.loredigest.servicekit.kafka.TopicsAtStartup;
import org.loredigest.testkit.KafkaServer;

/**
 * report-service's start-up alone (the service kit's {@link TopicsAtStartup}, which every service runs) makes every
 * topic of the pipeline as {@link Topics#SPECS} says, on an empty broker and on one where a topic already exists with
 * the broker's defaults (made on first use by a client, or by an older version), so a large classified record fits
 * whichever service started first. {@link TopicsAtStartupInServiceIT} shows the bean is part of the running service.
 */
class TopicsAtStartupIT {

    @Test
    void reportAloneOnAnEmptyBrokerMakesEveryTopicWithTheSharedSpec() throws Exception {
        try (KafkaServer kafka = KafkaServer.start(); Admin admin = admin(kafka)) {
            startReportService(kafka);

            assertMatchesSpecs(admin);
            // a classified record of a long thread: larger than Kafka's default limit of 1 MB (this test broker raises
            // its own default, which is why the configs above must be the topic's own)
            try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers(),
                    "max.request.size", Topics.MAX_MESSAGE_BYTES), new StringSerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(Topics.THREAD_CLASSIFIED, "t@x", new byte[3 * 1024 * 1024]))
                        .get(60, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void topicsThatExistWithOtherConfigsGetTheSpecsConfigsAndKeepTheirPartitions() throws Exception {
        try (KafkaServer kafka = KafkaServer.start(); Admin admin = admin(kafka)) {
            kafka.createTopics(1, Topics.THREAD_CLASSIFIED, Topics.THREAD_SUMMARISED);
            ConfigResource summarised = new ConfigResource(ConfigResource.Type.TOPIC, Topics.THREAD_SUMMARISED);
            admin.incrementalAlterConfigs(Map.of(summarised, List.of(new AlterConfigOp(
                    new ConfigEntry("cleanup.policy", "delete"), AlterConfigOp.OpType.SET)))).all().get(60, TimeUnit.SECONDS);

            startReportService(kafka);

            assertMatchesSpecs(admin);
            Map<String, TopicDescription> topics = admin.describeTopics(List.of(Topics.THREAD_CLASSIFIED)).allTopicNames()
                    .get(60, TimeUnit.SECONDS);
            assertThat(topics.get(Topics.THREAD_CLASSIFIED).partitions()).as("partitions of an existing topic").hasSize(1);
            // the same specs from another service change nothing more
            TopicBootstrap.Outcome again = TopicBootstrap.ensure(Map.of("bootstrap.servers", kafka.bootstrapServers()), (short) 1);
            assertThat(again.changedAnything()).as(again.summary()).isFalse();
        }
    }

    static void assertMatchesSpecs(Admin admin) throws Exception {
        Set<String> names = admin.listTopics().names().get(60, TimeUnit.SECONDS);
        assertThat(names).containsAll(Topics.SPECS.stream().map(TopicSpec::name).toList());
        Map<ConfigResource, Config> configs = admin.describeConfigs(Topics.SPECS.stream()
                .map(s -> new ConfigResource(ConfigResource.Type.TOPIC, s.name())).toList()).all().get(60, TimeUnit.SECONDS);
        for (TopicSpec spec : Topics.SPECS) {
            Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()));
            // set on the topic itself: the broker's defaults differ per cluster (1 MB unless raised)
            Map<String, String> actual = spec.configs().keySet().stream()
                    .filter(k -> config.get(k).source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG)
                    .collect(Collectors.toMap(k -> k, k -> config.get(k).value()));
            assertThat(actual).as(spec.name()).isEqualTo(spec.configs());
        }
        assertThat(configs.get(new ConfigResource(ConfigResource.Type.TOPIC, Topics.THREAD_CLASSIFIED))
                .get("max.message.bytes").value()).isEqualTo(String.valueOf(16 * 1024 * 1024));
    }

    /** What report-service runs at start-up, with the defaults of {@code lore.kafka.*} (topic creation on, 1 replica). */
    private static void startReportService(KafkaServer kafka) {
        new TopicsAtStartup(true, (short) 1, kafka.bootstrapServers()).ensureTopics();
    }

    private static Admin admin(KafkaServer kafka) {
        return Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
    }
}
