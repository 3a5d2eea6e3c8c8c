package org.loredigest.bench.pipeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * What the broker was given to store, per topic: offsets written (records and transaction markers) and the bytes its
 * logs hold now (repartition topics are purged as they are consumed, so their bytes are a lower bound).
 */
final class BrokerTopics {

    /** Offsets written and bytes held by one topic. */
    record Written(long offsets, long bytes) {
    }

    private BrokerTopics() {
    }

    /** Topic → what it holds; internal topics included, empty if the broker could not be read. */
    static Map<String, Written> read(String bootstrapServers) {
        Map<String, Written> topics = new TreeMap<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            var names = admin.listTopics(new org.apache.kafka.clients.admin.ListTopicsOptions().listInternal(true)).names().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(names).allTopicNames().get().values().forEach(t -> t.partitions()
                    .forEach(p -> latest.put(new TopicPartition(t.name(), p.partition()), OffsetSpec.latest())));
            Map<String, Long> offsets = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, end) -> offsets.merge(tp.topic(), end.offset(), Long::sum));
            Map<String, Long> bytes = new HashMap<>();
            List<Integer> brokers = admin.describeCluster().nodes().get().stream().map(n -> n.id()).toList();
            admin.describeLogDirs(brokers).allDescriptions().get().values().forEach(dirs -> dirs.values().forEach(dir ->
                    dir.replicaInfos().forEach((tp, replica) -> bytes.merge(tp.topic(), replica.size(), Long::sum))));
            offsets.forEach((topic, n) -> topics.put(topic, new Written(n, bytes.getOrDefault(topic, 0L))));
        } catch (Exception notReadable) {
            System.out.println("broker topics not readable: " + notReadable.getMessage());
        }
        return topics;
    }
}
