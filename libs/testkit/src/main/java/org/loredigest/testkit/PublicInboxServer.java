package org.loredigest.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real public-inbox v2 inbox (the software behind lore.kernel.org, Debian package {@code public-inbox}) filled from
 * mbox files and served over HTTP by {@code public-inbox-httpd} on a random loopback port. Everything lives in
 * {@code target/testkit/public-inbox-<port>/}: {@code home/} (HOME, with the public-inbox config), the inbox folder
 * named after the list, and the logs.
 *
 * <pre>{@code
 * try (PublicInboxServer inbox = PublicInboxServer.builder()
 *         .name("cgroups").address("cgroups@vger.kernel.org").mbox(mboxFile).start()) {
 *     inbox.inboxUrl();          // http://127.0.0.1:PORT/cgroups/
 *     inbox.deliver(rawMessage); // through public-inbox-mda, as a list delivery would
 * }
 * }</pre>
 */
public final class PublicInboxServer implements AutoCloseable {

    private static final Pattern LIST_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final String address;
    private final int port;
    private final Path root;
    private final Path inboxDir;
    private final Map<String, String> environment;
    private final ChildProcess httpd;
    private final Duration indexTime;
    private final Optional<Duration> indexCpuTime;

    private PublicInboxServer(Builder builder, int port, Path root, Map<String, String> environment, ChildProcess httpd,
                              Duration indexTime, Optional<Duration> indexCpuTime) {
        this.name = builder.name;
        this.address = builder.address;
        this.port = port;
        this.root = root;
        this.inboxDir = root.resolve(builder.name);
        this.environment = environment;
        this.httpd = httpd;
        this.indexTime = indexTime;
        this.indexCpuTime = indexCpuTime;
    }

    /** How long {@code public-inbox-index} took over the builder's mbox files (zero without any). */
    public Duration indexTime() {
        return indexTime;
    }

    /**
     * CPU time (user and system) {@code public-inbox-index} and the processes it waited for (its Xapian shard
     * workers, git) used over the builder's mbox files; zero without any, empty where {@code /proc} cannot tell.
     * Measured as the growth of this JVM's reaped-children CPU ({@code cutime + cstime} of {@code /proc/self/stat})
     * while the index ran, so it is exact only when no other child of this JVM ends meanwhile.
     */
    public Optional<Duration> indexCpuTime() {
        return indexCpuTime;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The folder every inbox of this JVM lies under: the root to give a service that reads them as dir sources. */
    public static Path workRoot() {
        return TestkitPaths.workBase();
    }

    /** {@code http://127.0.0.1:PORT/} */
    public String baseUrl() {
        return "http://127.0.0.1:" + port + "/";
    }

    /** {@code http://127.0.0.1:PORT/NAME/}, the equivalent of {@code https://lore.kernel.org/NAME/}. */
    public String inboxUrl() {
        return baseUrl() + name + "/";
    }

    public String name() {
        return name;
    }

    public String address() {
        return address;
    }

    public Path inboxDir() {
        return inboxDir;
    }

    /** The git repository of epoch {@code n}: {@code <inbox>/git/<n>.git} (served as {@code /NAME/<n>}). */
    public Path epochGitDir(int n) {
        return inboxDir.resolve("git").resolve(n + ".git");
    }

    /**
     * Delivers one raw RFC 5322 message through {@code public-inbox-mda}, the path real list mail takes: it is committed
     * to the epoch, indexed, and served on the next request (a follower sees it on its next poll).
     */
    public void deliver(byte[] rawMessage) {
        Map<String, String> mda = new java.util.HashMap<>(environment);
        mda.put("ORIGINAL_RECIPIENT", address);
        Commands.run("Delivering a message with public-inbox-mda", List.of("public-inbox-mda", "--no-precheck"), mda,
                root.resolve("mda.log"), rawMessage);
    }

    /**
     * Removes a message the way a moderator removes spam ({@code public-inbox-learn rm --all}): public-inbox does not
     * rewrite history for this but commits a deletion, a tree holding the removed message as blob {@code d}. The
     * message must be given as archived (public-inbox finds it by Message-ID and content).
     */
    public void remove(byte[] rawMessage) {
        Commands.run("Removing a message with public-inbox-learn", List.of("public-inbox-learn", "rm", "--all"),
                environment, root.resolve("mda.log"), rawMessage);
    }

    /**
     * Starts the next epoch ({@code git/N.git}) as public-inbox does when the current one is full, and returns N;
     * later deliveries go into it. public-inbox rotates at about 1 GB of mail per epoch (V2Writable
     * {@code rotate_bytes}, not configurable), so a test asks for the rotation instead of writing that much: this
     * runs public-inbox's own {@code PublicInbox::MultiGit->add_epoch}, which creates the repository and adds it
     * to {@code all.git}'s alternates. Until its first delivery the epoch is empty and the manifest leaves it out.
     */
    public int startEpoch() {
        int next;
        try (Stream<Path> epochs = Files.list(inboxDir.resolve("git"))) {
            next = 1 + epochs.map(p -> p.getFileName().toString()).filter(n -> n.matches("[0-9]+\\.git"))
                    .mapToInt(n -> Integer.parseInt(n.substring(0, n.length() - 4))).max().orElse(-1);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the epochs of " + inboxDir, e);
        }
        Commands.run("Starting epoch " + next, List.of("perl", "-MPublicInbox::MultiGit", "-e",
                "PublicInbox::MultiGit->new($ARGV[0], 'all.git', 'git')->add_epoch($ARGV[1])",
                inboxDir.toString(), Integer.toString(next)), environment, root.resolve("mda.log"));
        return next;
    }

    /** Messages stored in the inbox: commits on {@code master} over all epochs (deletions included, if any). */
    public long messageCount() {
        try (Stream<Path> epochs = Files.list(inboxDir.resolve("git"))) {
            long count = 0;
            for (Path epoch : epochs.filter(p -> p.getFileName().toString().matches("[0-9]+\\.git")).toList()) {
                count += Long.parseLong(Commands.output("Counting messages in " + epoch,
                        List.of("git", "--git-dir=" + epoch, "rev-list", "--count", "--branches")));
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the epochs of " + inboxDir, e);
        }
    }

    /** Stops public-inbox-httpd and deletes the inbox; the logs stay. */
    @Override
    public void close() {
        httpd.stop(Duration.ofSeconds(5));
        FileTrees.deleteQuietly(inboxDir);
        FileTrees.deleteQuietly(root.resolve("home"));
    }

    @Override
    public String toString() {
        return "public-inbox " + name + " at " + inboxUrl() + " (" + inboxDir + ")";
    }

    /** What to build: list name, list address, and the mbox files that become the archive. */
    public static final class Builder {
        private String name;
        private String address;
        private final List<Path> mboxes = new ArrayList<>();
        private boolean indexed = true;

        private Builder() {
        }

        /**
         * Leaves out {@code public-inbox-index} over the imported mbox files: the git epochs are complete (what a
         * {@code dir} source reads), search and the HTTP views of that mail are not. For runs that measure something
         * else and cannot afford the index of a large archive.
         */
        public Builder withoutIndex() {
            this.indexed = false;
            return this;
        }

        /** The list name, used in URLs ({@code /NAME/}). */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** The list address; {@link #deliver(byte[])} delivers to it. */
        public Builder address(String address) {
            this.address = address;
            return this;
        }

        /** mbox (mboxrd or mboxo) files imported in the given order; may be called several times. */
        public Builder mbox(Path... mboxes) {
            this.mboxes.addAll(Arrays.asList(mboxes));
            return this;
        }

        public PublicInboxServer start() {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(address, "address");
            if (!LIST_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("Not a usable list name: '" + name + "'");
            }
            for (Path mbox : mboxes) {
                if (!Files.isReadable(mbox)) {
                    throw new IllegalArgumentException("Cannot read mbox " + mbox.toAbsolutePath());
                }
            }
            PublicInboxTools.requireInstalled();
            return launch(this);
        }
    }

    private static PublicInboxServer launch(Builder builder) {
        int port = FreePorts.pick();
        Path root = TestkitPaths.workDir("public-inbox-" + port);
        Path home = root.resolve("home");
        Path inbox = root.resolve(builder.name);
        Path setupLog = root.resolve("setup.log");
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + home, e);
        }
        Map<String, String> environment = Map.of("HOME", home.toString(), "LC_ALL", "C.UTF-8");
        String publicUrl = "http://127.0.0.1:" + port + "/" + builder.name;

        Commands.run("public-inbox-init", List.of("public-inbox-init", "-V2", "-L", "full", builder.name, inbox.toString(),
                publicUrl, builder.address), environment, setupLog);
        // Test mail is not spam-checked (SpamAssassin is not part of the setup).
        Commands.run("Configuring public-inbox-mda", List.of("git", "config", "-f",
                home.resolve(".public-inbox/config").toString(), "publicinboxmda.spamcheck", "none"), environment, setupLog);
        Duration indexTime = Duration.ZERO;
        Optional<Duration> indexCpuTime = Optional.of(Duration.ZERO);
        if (!builder.mboxes.isEmpty()) {
            new EpochImport(inbox.resolve("git/0.git"), builder.name, builder.address, setupLog).importMboxes(builder.mboxes);
            if (builder.indexed) {
                Optional<Duration> cpuBefore = reapedChildrenCpu();
                long start = System.nanoTime();
                Commands.run("public-inbox-index", List.of("public-inbox-index", inbox.toString()), environment, setupLog);
                indexTime = Duration.ofNanos(System.nanoTime() - start);
                Optional<Duration> cpuAfter = reapedChildrenCpu();
                indexCpuTime = cpuBefore.isPresent() && cpuAfter.isPresent()
                        ? Optional.of(cpuAfter.get().minus(cpuBefore.get())) : Optional.empty();
            } else {
                indexCpuTime = Optional.empty();
            }
        }

        // -W0: a single process, no worker to orphan.
        ChildProcess httpd = ChildProcess.start("public-inbox-httpd",
                List.of("public-inbox-httpd", "-W0", "-l", "http://127.0.0.1:" + port), environment, root,
                root.resolve("httpd.log"));
        // The inbox's config page answers 200 even for an empty inbox (new.atom is 404 until the first message).
        URI config = URI.create(publicUrl + "/_/text/config/raw");
        httpd.awaitReady(Duration.ofSeconds(30), () -> HTTP.send(HttpRequest.newBuilder(config).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        return new PublicInboxServer(builder, port, root, environment, httpd, indexTime, indexCpuTime);
    }

    /**
     * CPU time of the children this JVM has waited for (and of their own waited-for descendants): fields 16 and 17
     * ({@code cutime}, {@code cstime}) of {@code /proc/self/stat}, in clock ticks of 1/100 s (Linux's USER_HZ).
     */
    static Optional<Duration> reapedChildrenCpu() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // the command name (field 2) may hold spaces: count the fields from the state, field 3
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            long ticks = Long.parseLong(fields[16 - 3]) + Long.parseLong(fields[17 - 3]);
            return Optional.of(Duration.ofMillis(ticks * 10));
        } catch (IOException | RuntimeException notLinux) {
            return Optional.empty();
        }
    }
}
