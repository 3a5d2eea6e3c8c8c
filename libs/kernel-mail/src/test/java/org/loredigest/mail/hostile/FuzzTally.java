package org.loredigest.mail.hostile;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Counts of a fuzz run and the one-line summary tests print. */
public final class FuzzTally {

    private final long seed;
    private final Map<MutationKind, Integer> kinds = new EnumMap<>(MutationKind.class);
    private final Map<MutationKind, Integer> rejectedByKind = new EnumMap<>(MutationKind.class);
    private final List<String> failures = new ArrayList<>();
    private int messages;
    private int rejected;
    private long maxMillis;
    private long maxWallMillis;
    private String slowest = "none";

    public FuzzTally(long seed) {
        this.seed = seed;
    }

    /** One variant went through; {@code rejectedAsDesigned}: it ended in the documented rejection. */
    public void record(HostileMail.Variant variant, TimedCalls.Outcome<?> outcome, boolean rejectedAsDesigned) {
        messages++;
        kinds.merge(variant.kind(), 1, Integer::sum);
        if (rejectedAsDesigned) {
            rejected++;
            rejectedByKind.merge(variant.kind(), 1, Integer::sum);
        }
        maxWallMillis = Math.max(maxWallMillis, outcome.millis());
        if (outcome.cpuMillis() > maxMillis) {
            maxMillis = outcome.cpuMillis();
            slowest = variant.kind() + " #" + variant.index();
        }
    }

    public void fail(String what) {
        failures.add(what);
    }

    public List<String> failures() {
        return failures;
    }

    public int messages() {
        return messages;
    }

    public int rejected() {
        return rejected;
    }

    public long maxMillis() {
        return maxMillis;
    }

    /** The share of this kind's variants that were parsed rather than rejected, 1.0 when none was tried. */
    public double acceptedShare(MutationKind kind) {
        int tried = kinds.getOrDefault(kind, 0);
        return tried == 0 ? 1.0 : 1.0 - (double) rejectedByKind.getOrDefault(kind, 0) / tried;
    }

    /** The share of all variants that were accepted, 1.0 when none was tried. */
    public double acceptedShare() {
        return messages == 0 ? 1.0 : 1.0 - (double) rejected / messages;
    }

    /**
     * Where the run accepted less than stated, one line each. Kinds that keep the header section readable must all be
     * accepted, kinds that {@linkplain MutationKind#mayBreakHeaderSection may break it} at least
     * {@code mayBreakFloor} of theirs, a {@linkplain MutationKind#breaksHeaderSection broken header section} any
     * share, and the whole run at least {@code overallFloor}. Empty when all shares hold.
     */
    public List<String> sharesBelow(double mayBreakFloor, double overallFloor) {
        List<String> below = new ArrayList<>();
        for (MutationKind kind : MutationKind.values()) {
            double floor = kind.breaksHeaderSection() ? 0.0 : kind.mayBreakHeaderSection() ? mayBreakFloor : 1.0;
            if (acceptedShare(kind) < floor) {
                below.add(String.format(Locale.ROOT, "%s: %.1f %% of %d accepted, floor %.0f %%", kind,
                        100 * acceptedShare(kind), kinds.getOrDefault(kind, 0), 100 * floor));
            }
        }
        if (acceptedShare() < overallFloor) {
            below.add(String.format(Locale.ROOT, "all kinds: %.1f %% of %d accepted, floor %.0f %%", 100 * acceptedShare(),
                    messages, 100 * overallFloor));
        }
        return below;
    }

    public Map<MutationKind, Integer> kinds() {
        return kinds;
    }

    /** What went wrong with a call that timed out or threw, in one line. */
    public static String problem(TimedCalls.Outcome<?> outcome) {
        return outcome.timedOut() ? "no result within the time limit (" + outcome.cpuMillis() + " ms CPU, "
                + outcome.millis() + " ms wall)" : brief(outcome.error());
    }

    /** An exception in one line: its type, the start of its message and where in the project it was thrown. */
    public static String brief(Throwable error) {
        String message = String.valueOf(error.getMessage());
        String where = "";
        for (StackTraceElement frame : error.getStackTrace()) {
            if (frame.getClassName().startsWith("org.loredigest.")) {
                where = " at " + frame.getClassName() + "." + frame.getMethodName() + ":" + frame.getLineNumber();
                break;
            }
        }
        return error.getClass().getName() + ": " + (message.length() > 160 ? message.substring(0, 160) + "..." : message) + where;
    }

    /** {@code what: seed=… messages=… rejected=… failures=… max=…ms cpu (KIND #i), …ms wall total=… kinds={…}}. */
    public String summary(String what, long totalMillis) {
        return what + ": seed=" + seed + " messages=" + messages + " rejected=" + rejected + " failures=" + failures.size()
                + " max=" + maxMillis + "ms cpu (" + slowest + "), " + maxWallMillis + "ms wall total=" + totalMillis
                + "ms kinds=" + kinds + " rejectedByKind=" + rejectedByKind;
    }
}
