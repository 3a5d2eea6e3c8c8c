package org.loredigest.bench.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.loredigest.events.Topics;

/** Records the pipeline's consumer groups have not committed yet, over their input and internal topics. */
final class ConsumerLag {

    /** Transactional producers leave a commit marker after the last record of a partition; it is never consumed. */
    static final int MARKER_ALLOWANCE = 32;

    static final Map<String, List<String>> GROUP_INPUTS = Map.of(
            "classify-service", List.of(Topics.MAIL_RECEIVED),
            "report-service", List.of(Topics.MAIL_PARSED, Topics.THREAD_CLASSIFIED));

    private ConsumerLag() {
    }

    static long of(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            long lag = 0;
            for (var group : GROUP_INPUTS.entrySet()) {
                Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>(
                        admin.listConsumerGroupOffsets(group.getKey()).partitionsToOffsetAndMetadata().get());
                List<String> inputs = new ArrayList<>(group.getValue());
                // a Kafka Streams application's repartition topics: <application.id>-<name>-repartition
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
