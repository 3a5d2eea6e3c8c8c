package org.loredigest.testkit;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One server per test JVM, even when the testkit is loaded more than once: Quarkus gives each test application its
 * own class loader, so a plain static field would start a second broker. The addresses of started servers are
 * therefore kept in system properties, which all class loaders of the JVM see.
 */
final class JvmShared {

    /** String literals are interned JVM-wide, so every copy of this class locks the same object. */
    private static final String LOCK = "org.loredigest.testkit.JvmShared";

    private JvmShared() {
    }

    /**
     * The values published under {@code prefix}; on first use {@code starter} starts the server (and arranges its
     * stop at JVM exit) and returns the values to publish.
     */
    static Map<String, String> getOrStart(String prefix, Supplier<Map<String, String>> starter) {
        synchronized (LOCK) {
            String keys = System.getProperty(prefix);
            if (keys != null) {
                Map<String, String> values = new LinkedHashMap<>();
                Arrays.stream(keys.split(",")).forEach(key -> values.put(key, System.getProperty(prefix + "." + key)));
                return values;
            }
            Map<String, String> values = starter.get();
            values.forEach((key, value) -> System.setProperty(prefix + "." + key, value));
            System.setProperty(prefix, String.join(",", values.keySet()));
            return values;
        }
    }

    /** Stops the server when the JVM exits (normal end or SIGTERM; a SIGKILL leaves the child running). */
    static void stopAtExit(String description, AutoCloseable server) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("lore-testkit: stopping " + description + " failed: " + e);
            }
        }, "lore-testkit-stop-" + description));
    }
}
