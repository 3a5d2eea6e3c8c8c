package org.loredigest.testkit;

import java.util.List;

/** The public-inbox and git commands the testkit runs, checked up front so a missing package reads clearly. */
final class PublicInboxTools {

    static final List<String> COMMANDS = List.of(
            "public-inbox-init", "public-inbox-index", "public-inbox-mda", "public-inbox-httpd", "git");

    private PublicInboxTools() {
    }

    static void requireInstalled() {
        List<String> missing = COMMANDS.stream().filter(command -> Commands.onPath(command).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("public-inbox is not installed: " + String.join(", ", missing)
                    + " not found on PATH. Install it with: apt-get install -y public-inbox"
                    + " (Debian/Ubuntu package; it brings git and the Xapian bindings).");
        }
    }
}
