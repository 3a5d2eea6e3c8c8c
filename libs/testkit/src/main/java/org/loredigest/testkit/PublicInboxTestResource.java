package org.loredigest.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Serves a real public-inbox archive to a {@code @QuarkusTest}. Init args:
 * <ul>
 *   <li>{@code name}: list name (default {@code cgroups})</li>
 *   <li>{@code address}: list address (default {@code NAME@vger.kernel.org})</li>
 *   <li>{@code mbox}: comma-separated mbox files; relative paths are resolved against the shared test data
 *       directory (system property {@code lore.shared.dir}), e.g. {@code corpus/lore-cgroups/cgroups-2024-03.mbox}</li>
 * </ul>
 * Returns {@value #URL} (the inbox URL, like {@code https://lore.kernel.org/cgroups/}), {@value #BASE_URL} and
 * {@value #DIR}. One inbox per distinct set of args per JVM, stopped when the JVM exits.
 */
public class PublicInboxTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String URL = "lore.test.public-inbox.url";
    public static final String BASE_URL = "lore.test.public-inbox.base-url";
    public static final String DIR = "lore.test.public-inbox.dir";

    private String name = "cgroups";
    private String address;
    private List<Path> mboxes = List.of();

    @Override
    public void init(Map<String, String> initArgs) {
        name = initArgs.getOrDefault("name", name);
        address = initArgs.getOrDefault("address", name + "@vger.kernel.org");
        String mbox = initArgs.getOrDefault("mbox", "");
        mboxes = Arrays.stream(mbox.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(PublicInboxTestResource::resolve).toList();
    }

    @Override
    public Map<String, String> start() {
        if (address == null) {
            init(Map.of());
        }
        String key = "lore.testkit.shared.public-inbox." + name + "."
                + Integer.toHexString(Objects.hash(address, mboxes.toString()));
        Map<String, String> published = JvmShared.getOrStart(key, () -> {
            PublicInboxServer inbox = SharedServers.timed("public-inbox " + name,
                    () -> PublicInboxServer.builder().name(name).address(address).mbox(mboxes.toArray(Path[]::new)).start());
            JvmShared.stopAtExit("public-inbox-" + name, inbox);
            return Map.of("url", inbox.inboxUrl(), "base-url", inbox.baseUrl(), "dir", inbox.inboxDir().toString());
        });
        return Map.of(URL, published.get("url"), BASE_URL, published.get("base-url"), DIR, published.get("dir"));
    }

    @Override
    public void stop() {
        // Shared by every test of this JVM with the same args; public-inbox-httpd stops when the JVM exits.
    }

    private static Path resolve(String mbox) {
        Path path = Path.of(mbox);
        if (path.isAbsolute()) {
            return path;
        }
        String shared = System.getProperty("lore.shared.dir");
        if (shared == null) {
            throw new IllegalStateException("Relative mbox path '" + mbox + "' needs the system property lore.shared.dir"
                    + " (the build sets it for Surefire and Failsafe)");
        }
        return Path.of(shared).resolve(path).normalize();
    }
}
