package org.loredigest.testkit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Records consumer groups have not committed yet, over their input topics and Kafka Streams repartition topics. */
public final class ConsumerLag {

    /**
     * Transactional producers leave a commit marker after the last record of a partition that is never consumed: a
     * settled pipeline keeps a small lag that no longer moves, at most this many records.
     */
    public static final int MARKER_ALLOWANCE = 32;

    private ConsumerLag() {
    }

    /**
     * @param groupInputs consumer group → the topics it reads; a group that is a Kafka Streams application id also
     *                    counts its {@code <application.id>-*-repartition} topics
     */
    public static long of(String bootstrap, Map<String, List<String>> groupInputs) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            long lag = 0;
            for (var group : groupInputs.entrySet()) {
                Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>(
                        admin.listConsumerGroupOffsets(group.getKey()).partitionsToOffsetAndMetadata().get());
                List<String> inputs = new ArrayList<>(group.getValue());
                admin.listTopics().names().get().stream()
                        .filter(t -> t.startsWith(group.getKey() + "-") && t.endsWith("-repartition")).forEach(inputs::add);
                for (var topic : admin.describeTopics(inputs).allTopicNames().get().values()) {
                    topic.partitions().forEach(p -> committed.putIfAbsent(new TopicPartition(topic.name(), p.partition()), null));
                }
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                for (var end : admin.listOffsets(latest).all().get().entrySet()) {
                    OffsetAndMetadata done = committed.get(end.getKey());
                    lag += end.getValue().offset() - (done == null ? 0 : done.offset());
                }
            }
            return lag;
        }
    }
}
