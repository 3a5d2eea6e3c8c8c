package org.loredigest.classify.kafka;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsReporter;

/**
 * The metrics reporter of classify-service's Kafka Streams clients, in place of the default JMX reporter: it reports
 * nothing. Kafka Streams adds a store gauge when a store's first iterator opens and removes it when the last one
 * closes (KIP-989), which in this topology is several times per record (prefix scans of thread, series and lineage
 * state); with the JMX reporter each of those is an MBean registration or removal on the stream thread, 3 % of it in
 * a backfill. The metrics themselves stay where the service reads them: {@code KafkaStreams#metrics()}, which the
 * Micrometer binder exports. An operator who wants them over JMX sets {@code kafka-streams.metric.reporters} to
 * {@code org.apache.kafka.common.metrics.JmxReporter}.
 */
public final class MetricsWithoutJmx implements MetricsReporter {

    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public void init(List<KafkaMetric> metrics) {
    }

    @Override
    public void metricChange(KafkaMetric metric) {
    }

    @Override
    public void metricRemoval(KafkaMetric metric) {
    }

    @Override
    public void close() {
    }
}
