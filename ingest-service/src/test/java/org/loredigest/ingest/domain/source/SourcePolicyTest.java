package org.loredigest.ingest.domain.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.WithDefault;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loredigest.ingest.IngestConfig;
import org.loredigest.ingest.source.git.GitEpochReader;

/**
 * The source policy on its own: no request is ever made here. Host names are "resolved" by a scripted resolver that
 * records what it was asked; IP literals never need DNS.
 */
class SourcePolicyTest {

    /** What a scripted resolver was asked for. */
    final List<String> lookedUp = new ArrayList<>();

    @Test
    void theDefaultConfigurationRefusesLoopbackAndPrivateAddressesWithoutALookUp() throws Exception {
        SourcePolicy defaults = new SourcePolicy(defaultSettings(), answering(Map.of()));
        for (String url : List.of("http://127.0.0.1:8080/cgroups/", "http://10.0.0.1/cgroups/", "http://[::1]/cgroups/",
                "http://169.254.169.254/latest/meta-data/", "http://192.168.1.1/", "http://172.16.0.1/",
                "http://[fd00::1]/", "http://0.0.0.0/", "http://localhost/cgroups/", "http://2130706433/",
                "http://lore.kernel.org.evil.example/")) {
            assertThatThrownBy(() -> defaults.checkNewSource(http(url))).as(url)
                    .isInstanceOf(SourceRefusedException.class)
                    .hasMessageContaining("is not in " + SourcePolicy.ALLOWED_HOSTS);
        }
        assertThatThrownBy(() -> defaults.checkNewSource(http("http://lore.kernel.org@10.0.0.1/")))
                .isInstanceOf(SourceRefusedException.class).hasMessageContaining("user information");
        assertThat(lookedUp).as("host names looked up").isEmpty();
    }

    @Test
    void theDefaultConfigurationAllowsLoreAndChecksWhatItResolvesTo() throws Exception {
        InetAddress publicAddress = InetAddress.getByName("198.51.100.7");
        new SourcePolicy(defaultSettings(), answering(Map.of("lore.kernel.org", List.of(publicAddress))))
                .checkNewSource(http("https://lore.kernel.org/linux-mm/"));
        assertThat(lookedUp).containsExactly("lore.kernel.org");

        for (String inside : List.of("10.1.2.3", "127.0.0.1", "169.254.169.254", "fd12::7", "::ffff:192.168.0.9")) {
            SourcePolicy rebound = new SourcePolicy(defaultSettings(), answering(Map.of("lore.kernel.org",
                    List.of(publicAddress, InetAddress.getByName(inside)))));
            assertThatThrownBy(() -> rebound.checkRequest(URI.create("https://lore.kernel.org/linux-mm/new.atom")))
                    .as("lore.kernel.org resolving to %s too", inside).isInstanceOf(SourceRefusedException.class)
                    .hasMessageContaining("lore.kernel.org resolves to");
        }
    }

    @Test
    void anAllowedHostIsStillRefusedForItsAddressUnlessThatIsAllowedToo() throws Exception {
        Set<String> hosts = Set.of("127.0.0.1", "10.1.2.3", "[fd00::1]", "100.64.0.1", "169.254.169.254", "224.0.0.1",
                "0.0.0.0", "255.255.255.255", "::ffff:10.9.9.9", "64:ff9b::7f00:1");
        SourcePolicy strict = new SourcePolicy(new SourcePolicy.Settings(hosts, false, false, null), answering(Map.of()));
        assertRefused(strict, "http://127.0.0.1:8080/", "loopback address; set " + SourcePolicy.ALLOW_LOOPBACK);
        assertRefused(strict, "http://64:ff9b::7f00:1/".replace("64:ff9b::7f00:1", "[64:ff9b::7f00:1]"), "loopback");
        assertRefused(strict, "http://10.1.2.3/", "private network; set " + SourcePolicy.ALLOW_PRIVATE);
        assertRefused(strict, "http://[fd00::1]/", "private network");
        assertRefused(strict, "http://[::ffff:10.9.9.9]/", "private network");
        assertRefused(strict, "http://100.64.0.1/", "private network");
        assertRefused(strict, "http://169.254.169.254/", "link-local address; never allowed");
        assertRefused(strict, "http://224.0.0.1/", "multicast address; never allowed");
        assertRefused(strict, "http://0.0.0.0/", "unspecified address");
        assertRefused(strict, "http://255.255.255.255/", "broadcast address; never allowed");

        SourcePolicy open = new SourcePolicy(new SourcePolicy.Settings(hosts, true, true, null), answering(Map.of()));
        for (String allowed : List.of("http://127.0.0.1:8080/", "http://10.1.2.3/", "http://[fd00::1]/")) {
            assertThatCode(() -> open.checkRequest(URI.create(allowed))).as(allowed).doesNotThrowAnyException();
        }
        assertRefused(open, "http://169.254.169.254/", "never allowed");
        assertThat(lookedUp).as("only literals, which need no DNS").allMatch(h -> h.matches("[0-9.]+|.*:.*"));
    }

    @Test
    void onlyPlainHttpUrlsPass() {
        SourcePolicy policy = new SourcePolicy(new SourcePolicy.Settings(Set.of("127.0.0.1"), true, false, null),
                answering(Map.of()));
        assertRefused(policy, "file:///etc/passwd", "only http and https");
        assertRefused(policy, "gopher://127.0.0.1/", "only http and https");
        assertRefused(policy, "http://user:secret@127.0.0.1/", "user information");
        assertThatCode(() -> policy.checkRequest(URI.create("HTTP://127.0.0.1/x"))).doesNotThrowAnyException();
    }

    @Test
    void definitionsAreCheckedWithoutDnsAndNewSourcesWithIt() {
        SourcePolicy unresolvable = new SourcePolicy(new SourcePolicy.Settings(Set.of("lore.kernel.org"), false, false,
                null), host -> {
                    lookedUp.add(host);
                    throw new UnknownHostException(host);
                });
        SourceSpec lore = http("https://lore.kernel.org/cgroups/");
        assertThatCode(() -> unresolvable.checkDefinition(lore)).doesNotThrowAnyException();
        assertThat(lookedUp).isEmpty();
        assertThatThrownBy(() -> unresolvable.checkNewSource(lore)).isInstanceOf(SourceRefusedException.class)
                .hasMessageContaining("lore.kernel.org does not resolve");
    }

    @Test
    void dirSourcesAreOffWithoutARoot() {
        SourcePolicy policy = new SourcePolicy(defaultSettings(), answering(Map.of()));
        assertThatThrownBy(() -> policy.checkNewSource(dir("/srv/mirrors/cgroups")))
                .isInstanceOf(SourceRefusedException.class).hasMessageContaining("dir sources are off: set "
                        + SourcePolicy.DIR_ROOT);
    }

    @Test
    void dirSourcesStayInsideTheirRootWhateverThePathOrLinksSay(@TempDir Path tmp) throws Exception {
        Path root = Files.createDirectories(tmp.resolve("mirrors"));
        Path inbox = Files.createDirectories(root.resolve("cgroups/git"));
        Path outside = Files.createDirectories(tmp.resolve("private/git"));
        Files.createSymbolicLink(root.resolve("escape"), outside.getParent());
        Files.createSymbolicLink(tmp.resolve("link-to-mirrors"), root);
        SourcePolicy policy = new SourcePolicy(new SourcePolicy.Settings(Set.of(), false, false,
                tmp.resolve("link-to-mirrors")), answering(Map.of()));

        assertThat(policy.confinedDir(inbox.getParent().toString())).isEqualTo(inbox.getParent().toRealPath());
        policy.checkNewSource(dir(tmp.resolve("link-to-mirrors/cgroups").toString()));
        for (String escape : List.of(outside.getParent().toString(), root.resolve("../private").toString(),
                root.resolve("escape").toString(), root.resolve("escape/git").toString(), "/etc")) {
            assertThatThrownBy(() -> policy.checkNewSource(dir(escape))).as(escape)
                    .isInstanceOf(SourceRefusedException.class).hasMessageContaining("is not inside " + SourcePolicy.DIR_ROOT);
        }
        assertThatThrownBy(() -> policy.checkNewSource(dir(root.resolve("not-yet").toString())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not exist");
        assertThatCode(() -> policy.checkDefinition(dir(root.resolve("not-yet").toString())))
                .as("a configured mirror that is not there yet only fails its polls").doesNotThrowAnyException();
    }

    @Test
    void aLinkInsideAnInboxCannotLeadAReaderOutOfTheRoot(@TempDir Path tmp) throws Exception {
        Path root = Files.createDirectories(tmp.resolve("mirrors"));
        Path inbox = Files.createDirectories(root.resolve("cgroups/git"));
        Path elsewhere = Files.createDirectories(tmp.resolve("someone-elses.git"));
        Files.createSymbolicLink(inbox.resolve("0.git"), elsewhere);
        SourcePolicy policy = new SourcePolicy(new SourcePolicy.Settings(Set.of(), false, false, root),
                answering(Map.of()));
        policy.checkNewSource(dir(inbox.getParent().toString())); // the inbox itself is inside
        GitEpochReader reader = GitEpochReader.local(inbox.getParent(), d -> policy.confinedDir(d.toString()), 1000);
        // the epochs are listed and checked before anything is read or written: no output is needed to get there
        assertThatThrownBy(() -> reader.read(Map.of(), null)).isInstanceOf(SourceRefusedException.class)
                .hasMessageContaining("0.git refused: it is not inside");
    }

    private void assertRefused(SourcePolicy policy, String url, String reason) {
        assertThatThrownBy(() -> policy.checkRequest(URI.create(url))).as(url)
                .isInstanceOf(SourceRefusedException.class).hasMessageContaining(reason);
    }

    private SourcePolicy.Resolver answering(Map<String, List<InetAddress>> answers) {
        return host -> {
            lookedUp.add(host);
            List<InetAddress> answer = answers.get(host);
            if (answer != null) {
                return answer;
            }
            if (host.indexOf(':') >= 0 || host.matches("[0-9.]+")) {
                return List.of(InetAddress.getByName(host)); // a literal: parsed, not looked up
            }
            throw new UnknownHostException(host);
        };
    }

    /** The policy as the service's configuration defaults make it. */
    private static SourcePolicy.Settings defaultSettings() {
        return new SourcePolicy.Settings(Set.of(defaultOf("allowedHosts").split(",")),
                Boolean.parseBoolean(defaultOf("allowLoopback")), Boolean.parseBoolean(defaultOf("allowPrivateNetworks")),
                null);
    }

    private static String defaultOf(String property) {
        try {
            return IngestConfig.SourcePolicy.class.getMethod(property).getAnnotation(WithDefault.class).value();
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    private static SourceSpec http(String url) {
        return new SourceSpec("s", SourceType.HTTP, "cgroups", url, Duration.ofMinutes(1), null, SourceSpec.ORIGIN_API);
    }

    private static SourceSpec dir(String path) {
        return new SourceSpec("s", SourceType.DIR, "cgroups", path, Duration.ofMinutes(1), null, SourceSpec.ORIGIN_API);
    }
}
