package org.loredigest.ingest.source.git;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.RevWalkUtils;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.storage.file.WindowCacheConfig;
import org.loredigest.ingest.domain.source.SourceOutput;
import org.loredigest.ingest.domain.source.SourceReader;
import org.loredigest.ingest.source.http.PoliteHttp;

/**
 * Reads public-inbox v2 epochs in commit order: every commit adds one message as the blob {@code m} (published) or
 * removes one, leaving it as {@code d} (skipped and counted). The cursor holds, per epoch, the last commit read
 * ({@code epoch.N -> commit id}); epochs are read in number order, so a new epoch is read after the previous one.
 */
public final class GitEpochReader implements SourceReader {

    static {
        // Message blobs are read by PackedBlobs, with its own cache; JGit reads only commits and their one-entry trees,
        // front to back. Its caches live in the Java heap (as soft references, which the serial collector clears
        // only in full collections): limits larger than the heap kept the old generation full and the service in
        // back-to-back full collections during a backfill.
        WindowCacheConfig cache = new WindowCacheConfig();
        cache.setPackedGitLimit(16L * 1024 * 1024);
        cache.setPackedGitWindowSize(256 * 1024);
        cache.setDeltaBaseCacheLimit(8 * 1024 * 1024);
        cache.install();
    }

    private final Epochs epochs;
    private final int maxMessageBytes;

    GitEpochReader(Epochs epochs, int maxMessageBytes) {
        this.epochs = epochs;
        this.maxMessageBytes = maxMessageBytes;
    }

    /** Mirrors {@code inboxUrl}'s epochs into {@code mirrorDir} and reads them. */
    public static GitEpochReader remote(String inboxUrl, Path mirrorDir, PoliteHttp http, ObjectMapper json,
                                        int maxMessageBytes) {
        return new GitEpochReader(new MirroredEpochs(inboxUrl, mirrorDir, http, json), maxMessageBytes);
    }

    /** Reads a local public-inbox v2 inbox or mirror in place. */
    public static GitEpochReader local(Path inboxDir, int maxMessageBytes) {
        return new GitEpochReader(new LocalEpochs(inboxDir), maxMessageBytes);
    }

    /**
     * Reads a local inbox whose folders are confined: {@code confine} gives each folder's real path or throws when
     * it lies outside where sources may read (checked again at every poll).
     */
    public static GitEpochReader local(Path inboxDir, UnaryOperator<Path> confine, int maxMessageBytes) {
        return new GitEpochReader(new LocalEpochs(inboxDir, confine), maxMessageBytes);
    }

    public static String cursorKey(int epoch) {
        return "epoch." + epoch;
    }

    @Override
    public void read(Map<String, String> cursor, SourceOutput out) throws IOException {
        List<Epoch> all = epochs.refresh();
        long remaining = 0;
        for (Epoch epoch : all) {
            remaining += unread(epoch, cursor.get(cursorKey(epoch.number())));
        }
        out.remaining(remaining);
        for (Epoch epoch : all) {
            remaining = readEpoch(epoch, cursor.get(cursorKey(epoch.number())), out, remaining);
            if (out.stopRequested()) {
                return;
            }
        }
    }

    private long unread(Epoch epoch, String last) throws IOException {
        try (Repository repo = open(epoch); RevWalk walk = new RevWalk(repo)) {
            ObjectId head = head(repo);
            if (head == null || head.name().equals(last)) {
                return 0; // nothing new: an idle poll reads one ref, not the pack index a commit lookup loads
            }
            RevCommit end = last == null ? null : parse(walk, epoch, last);
            return RevWalkUtils.count(walk, walk.parseCommit(head), end);
        }
    }

    private long readEpoch(Epoch epoch, String last, SourceOutput out, long remaining) throws IOException {
        try (Repository repo = open(epoch); RevWalk walk = new RevWalk(repo)) {
            ObjectId head = head(repo);
            if (head == null || head.name().equals(last)) {
                return remaining;
            }
            // the walk lists every commit of the epoch before the first is read: keep their ids, trees and parents,
            // not their raw bodies (about 20 MB of old generation for a 40,000-mail epoch, in a 128 MB heap)
            walk.setRetainBody(false);
            walk.sort(RevSort.TOPO, true);
            walk.sort(RevSort.REVERSE, true);
            walk.markStart(walk.parseCommit(head));
            if (last != null) {
                walk.markUninteresting(parse(walk, epoch, last));
            }
            List<RevCommit> commits = new ArrayList<>();
            walk.forEach(commits::add);
            String key = cursorKey(epoch.number());
            try (EpochEntries entries = EpochEntries.start(repo, commits, maxMessageBytes)) {
                for (EpochEntries.Entry entry = entries.next(); entry != null; entry = entries.next()) {
                    String position = "epoch:" + epoch.number() + "/commit:" + entry.commit().name();
                    switch (entry.kind()) {
                        case MESSAGE -> out.mail(entry.raw(), epoch.source(), position);
                        case OVERSIZED -> out.rejected(epoch.source(), position, "message of " + entry.size()
                                + " bytes exceeds the limit of " + maxMessageBytes + " bytes", entry.raw());
                        case DELETED -> out.skipped(epoch.source(), position, "message deleted from the archive");
                        case UNKNOWN -> out.rejected(epoch.source(), position,
                                "commit has neither 'm' nor 'd'; not a public-inbox v2 epoch", new byte[0]);
                    }
                    out.advance(key, entry.commit().name());
                    out.remaining(--remaining);
                    if (out.stopRequested()) {
                        break;
                    }
                }
            }
            return remaining;
        }
    }

    private static RevCommit parse(RevWalk walk, Epoch epoch, String commitId) throws IOException {
        try {
            return walk.parseCommit(ObjectId.fromString(commitId));
        } catch (MissingObjectException | IllegalArgumentException e) {
            throw new IOException("checkpoint commit " + commitId + " is not in epoch " + epoch.number() + " ("
                    + epoch.gitDir() + "); was the archive's history rewritten (public-inbox purge)? "
                    + "POST /api/sources/NAME/resync re-reads the source", e);
        }
    }

    private static Repository open(Epoch epoch) throws IOException {
        return new FileRepositoryBuilder().setGitDir(epoch.gitDir().toFile()).setMustExist(true).build();
    }

    /** The epoch's branch: public-inbox writes {@code master}; fall back to HEAD. */
    private static ObjectId head(Repository repo) throws IOException {
        Ref master = repo.exactRef("refs/heads/master");
        if (master != null) {
            return master.getObjectId();
        }
        Ref headRef = repo.exactRef(Constants.HEAD);
        return headRef == null ? null : headRef.getObjectId();
    }
}
