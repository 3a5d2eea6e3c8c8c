package org.loredigest.ingest.source.git;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TransportHttp;
import org.eclipse.jgit.transport.UserAgent;
import org.loredigest.ingest.source.http.PoliteHttp;
import org.loredigest.ingest.source.http.RequestRefusedException;

/**
 * Mirrors the epochs of a remote inbox ({@code https://lore.kernel.org/linux-mm/N}) into a local folder with JGit, the
 * way lore recommends mirroring. The manifest decides what to fetch: a new epoch is cloned, an epoch whose
 * fingerprint changed is fetched, the others are left alone. The folder is a cache: losing it costs a clone, never
 * a message, because the checkpoint names commits, not local state. JGit opens one HTTP connection per request and
 * per redirect hop; each passes the same guard as the service's own requests ({@link GuardedConnections}).
 */
final class MirroredEpochs implements Epochs {

    private static final Logger LOG = Logger.getLogger(MirroredEpochs.class.getName());
    private static final RefSpec ALL_BRANCHES = new RefSpec("+refs/heads/*:refs/heads/*");

    private final String inboxUrl;
    private final Path mirrorDir;
    private final PoliteHttp http;
    private final ObjectMapper json;
    private final Map<Integer, String> fetchedFingerprints = new HashMap<>();

    MirroredEpochs(String inboxUrl, Path mirrorDir, PoliteHttp http, ObjectMapper json) {
        this.inboxUrl = inboxUrl.endsWith("/") ? inboxUrl : inboxUrl + "/";
        this.mirrorDir = mirrorDir;
        this.http = http;
        this.json = json;
        // JGit's clone and fetch do their own HTTP; they announce the same client (a process-wide setting of JGit)
        UserAgent.set(http.userAgent());
    }

    @Override
    public List<Epoch> refresh() throws IOException {
        Files.createDirectories(mirrorDir.resolve("git"));
        Map<Integer, String> remote = manifest();
        TreeSet<Integer> numbers = new TreeSet<>(remote.keySet());
        for (Epoch local : new LocalEpochs(mirrorDir).refresh()) {
            numbers.add(local.number());
        }
        List<Epoch> epochs = new ArrayList<>();
        for (int n : numbers) {
            Path gitDir = mirrorDir.resolve("git").resolve(n + ".git");
            String fingerprint = remote.get(n);
            if (!Files.isDirectory(gitDir)) {
                cloneEpoch(n, gitDir);
            } else if (fingerprint == null || fingerprint.isEmpty()
                    || !fingerprint.equals(fetchedFingerprints.get(n))) {
                fetchEpoch(n, gitDir);
            }
            if (fingerprint != null) {
                fetchedFingerprints.put(n, fingerprint);
            }
            epochs.add(new Epoch(n, gitDir, "git:" + inboxUrl + n));
        }
        return epochs;
    }

    private Map<Integer, String> manifest() throws IOException {
        URI uri = URI.create(inboxUrl + "manifest.js.gz");
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).GET());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("GET " + uri + " answered " + response.statusCode()
                        + "; a public-inbox inbox serves its manifest there");
            }
            Map<Integer, String> epochs = Manifest.parse(body, json);
            if (epochs.isEmpty()) {
                throw new IOException(uri + " lists no epochs");
            }
            return epochs;
        }
    }

    private void cloneEpoch(int n, Path gitDir) throws IOException {
        String url = inboxUrl + n;
        Path partial = gitDir.resolveSibling(n + ".git.partial");
        deleteTree(partial);
        Files.createDirectories(partial.getParent());
        LOG.info("cloning " + url + " into " + gitDir);
        http.awaitTurn();
        try (Git ignored = Git.cloneRepository().setURI(url).setDirectory(partial.toFile()).setMirror(true)
                .setTransportConfigCallback(guarded()).call()) {
            // cloned; moved into place below so a half-done clone is never taken for an epoch
        } catch (GitAPIException e) {
            deleteTree(partial);
            throw new IOException("cloning " + url + " failed: " + reason(e), e);
        }
        Files.move(partial, gitDir, StandardCopyOption.ATOMIC_MOVE);
    }

    private void fetchEpoch(int n, Path gitDir) throws IOException {
        http.awaitTurn();
        try (Git git = Git.open(gitDir.toFile())) {
            git.fetch().setRemote(inboxUrl + n).setRefSpecs(ALL_BRANCHES).setTransportConfigCallback(guarded()).call();
        } catch (GitAPIException e) {
            throw new IOException("fetching " + inboxUrl + n + " failed: " + reason(e), e);
        }
    }

    /** JGit's message, and the policy's when a connection was refused (JGit's own message does not say why). */
    private static String reason(GitAPIException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestRefusedException refused) {
                return e.getMessage() + "; " + refused.getMessage();
            }
        }
        return e.getMessage();
    }

    private TransportConfigCallback guarded() {
        return transport -> {
            if (transport instanceof TransportHttp viaHttp) {
                viaHttp.setHttpConnectionFactory(new GuardedConnections(viaHttp.getHttpConnectionFactory(), http));
            }
        };
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
