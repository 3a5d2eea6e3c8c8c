package org.loredigest.mail.hostile;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The knobs of a fuzz run, as system properties: {@code fuzz.seed} (a number, or {@code random} for a fresh one that
 * the test prints) and {@code fuzz.count}. Fixed defaults keep CI runs identical; any failure names its seed.
 */
public final class FuzzSettings {

    /** The default seed: runs without {@code -Dfuzz.seed} are identical everywhere. */
    public static final long DEFAULT_SEED = 20240304L;

    private FuzzSettings() {
    }

    public static long seed() {
        String value = System.getProperty("fuzz.seed");
        if (value == null || value.isBlank()) {
            return DEFAULT_SEED;
        }
        if (value.strip().equalsIgnoreCase("random")) {
            return ThreadLocalRandom.current().nextLong();
        }
        return Long.parseLong(value.strip());
    }

    public static int count(int defaultCount) {
        String value = System.getProperty("fuzz.count");
        return value == null || value.isBlank() ? defaultCount : Integer.parseInt(value.strip());
    }
}
