package org.loredigest.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Elasticsearch refuses to run as root and has no override. When the tests run as root, the node runs as the system
 * user {@code esrun} instead (created on first use), the same user {@code bin/stack} uses.
 */
final class UnprivilegedUser {

    static final String NAME = "esrun";

    private UnprivilegedUser() {
    }

    static boolean runningAsRoot() {
        return "0".equals(Commands.output("Asking for the user id", List.of("id", "-u")));
    }

    static void ensureExists(Path log) {
        if (Commands.exitCode(List.of("id", NAME)) == 0) {
            return;
        }
        try {
            Commands.run("Creating the user " + NAME + " (Elasticsearch cannot run as root)",
                    List.of("useradd", "-r", "-m", NAME), Map.of(), log);
        } catch (IllegalStateException e) {
            // Another test JVM may have created it a moment ago.
            if (Commands.exitCode(List.of("id", NAME)) != 0) {
                throw e;
            }
        }
    }

    /** Gives the user every file below {@code path}; skipped when it already owns the top folder. */
    static void own(Path path, Path log) {
        try {
            if (NAME.equals(Files.getOwner(path).getName())) {
                return;
            }
        } catch (IOException e) {
            // fall through and let chown report the problem
        }
        Commands.run("Giving " + path + " to " + NAME, List.of("chown", "-R", NAME, path.toString()), Map.of(), log);
    }

    /** Fails clearly when the user cannot reach a path (for example a JDK or a checkout under /root). */
    static void requireAccess(Path path, String testFlag, String why) {
        if (Commands.exitCode(List.of("runuser", "-u", NAME, "--", "test", testFlag, path.toString())) != 0) {
            throw new IllegalStateException("The user " + NAME + " (Elasticsearch cannot run as root) cannot use " + path
                    + ", " + why + ". Make its parent folders world-readable (chmod o+rx) or run the tests as a normal user.");
        }
    }

    /** {@code runuser -u esrun -- env K=V... command...}: runuser would otherwise reset part of the environment. */
    static List<String> wrap(List<String> command, Map<String, String> environment) {
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", NAME, "--", "env"));
        environment.forEach((key, value) -> wrapped.add(key + "=" + value));
        wrapped.addAll(command);
        return wrapped;
    }
}
