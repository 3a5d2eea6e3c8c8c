package org.loredigest.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaServerIT {

    @Test
    void createdTopicCarriesARecordFromProducerToConsumer() throws Exception {
        KafkaServer kafka = SharedServers.timed("Kafka (shared)", KafkaServer::shared);
        kafka.createTopics(3, "testkit.roundtrip");
        kafka.createTopics(3, "testkit.roundtrip"); // already there: no error

        try (Admin admin = KafkaAdmin.connect(kafka.bootstrapServers())) {
            assertThat(admin.describeTopics(List.of("testkit.roundtrip")).allTopicNames().get()
                    .get("testkit.roundtrip").partitions()).hasSize(3);
        }

        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
            producer.send(new ProducerRecord<>("testkit.roundtrip", "<msg@example.org>", "hello broker")).get();
        }

        Properties consumerConfig = new Properties();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "testkit-" + UUID.randomUUID());
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
            consumer.subscribe(List.of("testkit.roundtrip"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
        }
        assertThat(received).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("<msg@example.org>");
            assertThat(record.value()).isEqualTo("hello broker");
        });
    }

    @Test
    void sharedBrokerIsOnePerJvmEvenAcrossClassLoaders() throws Exception {
        String bootstrap = KafkaServer.shared().bootstrapServers();
        assertThat(KafkaServer.shared().bootstrapServers()).isEqualTo(bootstrap);

        // A second copy of the testkit, as Quarkus creates one per test application.
        List<URL> classpath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            classpath.add(Path.of(entry).toUri().toURL());
        }
        try (URLClassLoader isolated = new URLClassLoader(classpath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Class<?> copy = isolated.loadClass(KafkaServer.class.getName());
            assertThat(copy).isNotSameAs(KafkaServer.class);
            Object other = copy.getMethod("shared").invoke(null);
            assertThat(copy.getMethod("bootstrapServers").invoke(other)).isEqualTo(bootstrap);
        }
    }

    @Test
    void quarkusTestResourcePointsAtTheSharedBrokerWithoutDevServices() {
        Map<String, String> config = new KafkaTestResource().start();
        assertThat(config).containsEntry("kafka.bootstrap.servers", KafkaServer.shared().bootstrapServers())
                .containsEntry("quarkus.kafka.devservices.enabled", "false");
    }
}
