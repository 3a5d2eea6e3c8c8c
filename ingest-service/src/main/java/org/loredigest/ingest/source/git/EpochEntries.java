package org.loredigest.ingest.source.git;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The entries of an epoch's commits, loaded in commit order on a second thread a bounded amount ahead of the
 * caller: inflating and un-deltifying blobs is most of the cost of reading an epoch, and this way it overlaps with
 * publishing. At most {@value #AHEAD_BYTES} bytes of messages wait in memory. Blobs come from {@link PackedBlobs}
 * (each delta resolved once), JGit reads what that leaves out.
 */
final class EpochEntries implements AutoCloseable {

    /** What a commit holds. */
    enum Kind { MESSAGE, OVERSIZED, DELETED, UNKNOWN }

    /**
     * @param raw  the message (MESSAGE), its first bytes (OVERSIZED), else empty
     * @param size the blob's full size
     */
    record Entry(RevCommit commit, Kind kind, byte[] raw, long size) {
    }

    /** Enough to overlap reading with publishing; more only holds heap (a few hundred mails of 12 KB is plenty). */
    private static final int AHEAD_BYTES = 8 * 1024 * 1024;
    private static final int OVERSIZED_PAYLOAD_BYTES = 64 * 1024;
    private static final Entry END = new Entry(null, Kind.UNKNOWN, new byte[0], 0);

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(1024);
    private final Semaphore budget = new Semaphore(AHEAD_BYTES);
    private final Thread loader;
    private volatile boolean closed;

    private EpochEntries(Repository repo, List<RevCommit> commits, int maxMessageBytes) {
        this.loader = Thread.ofPlatform().daemon().name("epoch-reader").unstarted(() -> load(repo, commits, maxMessageBytes));
    }

    static EpochEntries start(Repository repo, List<RevCommit> commits, int maxMessageBytes) {
        EpochEntries entries = new EpochEntries(repo, commits, maxMessageBytes);
        entries.loader.start();
        return entries;
    }

    /** The next entry in commit order, or null after the last. */
    Entry next() throws IOException {
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading an epoch", e);
        }
        if (item instanceof Exception failure) {
            throw failure instanceof IOException io ? io : new IOException("reading the epoch failed", failure);
        }
        Entry entry = (Entry) item;
        budget.release(cost(entry));
        return entry == END ? null : entry;
    }

    @Override
    public void close() {
        closed = true;
        loader.interrupt();
        try {
            loader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void load(Repository repo, List<RevCommit> commits, int maxMessageBytes) {
        try (ObjectReader objects = repo.newObjectReader(); PackedBlobs packed = PackedBlobs.open(repo.getDirectory())) {
            for (RevCommit commit : commits) {
                if (closed) {
                    return;
                }
                hand(entry(objects, packed, commit, maxMessageBytes));
            }
            hand(END);
        } catch (InterruptedException e) {
            // closed by the caller: nobody waits for more entries
        } catch (Exception e) {
            try {
                queue.put(e); // the caller rethrows it in order, after the entries before it
            } catch (InterruptedException closedMeanwhile) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void hand(Entry entry) throws InterruptedException {
        budget.acquire(cost(entry));
        queue.put(entry);
    }

    private static Entry entry(ObjectReader objects, PackedBlobs packed, RevCommit commit, int maxMessageBytes)
            throws IOException {
        ObjectId message = blob(objects, commit, "m");
        if (message != null) {
            byte[] fromPack = packed.blob(message, maxMessageBytes);
            if (fromPack != null) {
                return new Entry(commit, Kind.MESSAGE, fromPack, fromPack.length);
            }
            ObjectLoader loader = objects.open(message, Constants.OBJ_BLOB);
            if (loader.getSize() > maxMessageBytes) {
                try (InputStream in = loader.openStream()) {
                    return new Entry(commit, Kind.OVERSIZED, in.readNBytes(OVERSIZED_PAYLOAD_BYTES), loader.getSize());
                }
            }
            byte[] raw = loader.getCachedBytes(maxMessageBytes);
            return new Entry(commit, Kind.MESSAGE, raw, raw.length);
        }
        Kind kind = blob(objects, commit, "d") != null ? Kind.DELETED : Kind.UNKNOWN;
        return new Entry(commit, kind, new byte[0], 0);
    }

    private static ObjectId blob(ObjectReader objects, RevCommit commit, String path) throws IOException {
        try (TreeWalk tree = TreeWalk.forPath(objects, path, commit.getTree())) {
            return tree == null ? null : tree.getObjectId(0);
        }
    }

    /** Permits an entry holds; a message larger than the whole budget takes all of it. */
    private static int cost(Entry entry) {
        return Math.min(AHEAD_BYTES, entry.raw().length);
    }
}
