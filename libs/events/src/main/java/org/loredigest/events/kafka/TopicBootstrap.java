package org.loredigest.events.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.loredigest.events.TopicSpec;
import org.loredigest.events.Topics;

/**
 * The one way topics come to exist: every service calls it at start-up with the same specs ({@link Topics#SPECS}),
 * so a fresh cluster works without a provisioning step and the topics look the same whichever service started first.
 * Missing topics are created with the spec's partitions and configs; topics that exist (made by an older version,
 * by hand, or auto-created by the broker with its defaults) get the spec's configs set where they differ or are only
 * inherited from the broker. Partition
 * counts of existing topics are left alone: adding partitions moves keys to other partitions.
 */
public final class TopicBootstrap {

    private static final int ATTEMPTS = 20;

    /**
     * What {@link #ensure} did.
     *
     * @param created topics it created
     * @param altered per topic, the configs it set because they differed from the spec (old values are not kept)
     */
    public record Outcome(Set<String> created, Map<String, Map<String, String>> altered) {

        public boolean changedAnything() {
            return !created.isEmpty() || !altered.isEmpty();
        }

        /** For the start-up log. */
        public String summary() {
            return "created topics " + created + ", set configs " + altered;
        }
    }

    private TopicBootstrap() {
    }

    /** Every topic of the pipeline, as {@link Topics#SPECS} says. */
    public static Outcome ensure(Map<String, Object> adminConfig, short replicationFactor) {
        return ensure(adminConfig, Topics.SPECS, replicationFactor);
    }

    /**
     * @param replicationFactor replicas of topics it creates (the same in every service of a deployment)
     */
    public static Outcome ensure(Map<String, Object> adminConfig, Collection<TopicSpec> specs, short replicationFactor) {
        Map<String, Object> config = new HashMap<>(adminConfig);
        config.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(config)) {
            Set<String> created = createMissing(admin, specs, replicationFactor);
            return new Outcome(created, alignConfigs(admin, specs));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting up topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer while setting up topics at "
                    + adminConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG) + ": " + e, e);
        }
    }

    private static Set<String> createMissing(Admin admin, Collection<TopicSpec> specs, short replicationFactor)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
        List<NewTopic> missing = specs.stream()
                .filter(s -> !existing.contains(s.name()))
                .map(s -> new NewTopic(s.name(), s.partitions(), replicationFactor).configs(s.configs()))
                .toList();
        Set<String> created = new LinkedHashSet<>();
        if (missing.isEmpty()) {
            return created;
        }
        for (var entry : admin.createTopics(missing).values().entrySet()) {
            try {
                entry.getValue().get(60, TimeUnit.SECONDS);
                created.add(entry.getKey());
            } catch (ExecutionException e) {
                // another service created it in the meantime: its configs are checked below like any existing topic's
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("could not create topic " + entry.getKey() + ": " + e.getCause(), e);
                }
            }
        }
        return created;
    }

    /**
     * Sets every spec config that a topic does not hold as its own value (a value inherited from the broker's defaults
     * counts as missing: those differ per cluster), then waits until the broker answers with the new values.
     */
    private static Map<String, Map<String, String>> alignConfigs(Admin admin, Collection<TopicSpec> specs)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<ConfigResource, TopicSpec> byResource = new LinkedHashMap<>();
        specs.stream().filter(s -> !s.configs().isEmpty())
                .forEach(s -> byResource.put(new ConfigResource(ConfigResource.Type.TOPIC, s.name()), s));
        if (byResource.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<String, String>> altered = new LinkedHashMap<>();
        Map<ConfigResource, Collection<AlterConfigOp>> changes = differences(describe(admin, byResource.keySet()),
                byResource, altered);
        if (changes.isEmpty()) {
            return altered;
        }
        try {
            admin.incrementalAlterConfigs(changes).all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not set topic configs " + altered + ": " + e.getCause(), e);
        }
        // the answer comes from the controller; brokers learn of the change a moment later
        for (int attempt = 1; !differences(describe(admin, byResource.keySet()), byResource, new HashMap<>()).isEmpty();
             attempt++) {
            if (attempt == ATTEMPTS) {
                throw new IllegalStateException("topic configs " + altered + " were set but did not take effect");
            }
            Thread.sleep(250);
        }
        return altered;
    }

    /** The operations that give each topic its spec's configs; what they set is added to {@code altered}. */
    private static Map<ConfigResource, Collection<AlterConfigOp>> differences(Map<ConfigResource, Config> current,
            Map<ConfigResource, TopicSpec> specs, Map<String, Map<String, String>> altered) {
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new LinkedHashMap<>();
        specs.forEach((resource, spec) -> {
            List<AlterConfigOp> ops = new ArrayList<>();
            spec.configs().forEach((name, value) -> {
                ConfigEntry entry = current.get(resource).get(name);
                if (entry == null || entry.source() != ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG
                        || !value.equals(entry.value())) {
                    ops.add(new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET));
                    altered.computeIfAbsent(spec.name(), k -> new LinkedHashMap<>()).put(name, value);
                }
            });
            if (!ops.isEmpty()) {
                changes.put(resource, ops);
            }
        });
        return changes;
    }

    /** Configs of the topics; a topic just created may take a moment to be known to the broker that answers. */
    private static Map<ConfigResource, Config> describe(Admin admin, Collection<ConfigResource> resources)
            throws InterruptedException, ExecutionException, TimeoutException {
        for (int attempt = 1; ; attempt++) {
            try {
                return admin.describeConfigs(resources).all().get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || attempt == ATTEMPTS) {
                    throw e;
                }
                Thread.sleep(250);
            }
        }
    }
}
