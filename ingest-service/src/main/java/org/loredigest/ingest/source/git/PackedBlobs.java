package org.loredigest.ingest.source.git;

import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.eclipse.jgit.internal.storage.file.PackIndex;
import org.eclipse.jgit.internal.storage.pack.BinaryDelta;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;

/**
 * Loads blobs straight from an epoch's pack files, resolving every delta once. JGit's reader keeps only the base
 * just below the requested object, so reading an epoch front to back applies each delta twice when every message is
 * a delta on the previous one (as {@code git fast-import}, i.e. public-inbox, writes them) and walks whole chains
 * again when older messages are deltas on newer ones (as {@code git repack} writes them). Here every object resolved
 * is kept, up to {@value #CACHE_BYTES} bytes, least recently used first out, so a chain is walked once whichever way
 * it points. Inflating is then most of the cost, about half of what JGit spends on the same epoch.
 *
 * <p>Only what a cloned or fast-imported epoch holds is read: whole objects and offset deltas in packs with an index.
 * Anything else (loose objects, reference deltas, objects over the size limit) answers null and is read with JGit.
 * Not thread-safe: one per reading thread.
 */
final class PackedBlobs implements AutoCloseable {

    private static final int OBJ_OFS_DELTA = 6;
    private static final int CACHE_BYTES = 16 * 1024 * 1024;
    private static final int WINDOW_BYTES = 64 * 1024;
    private static final int MAX_HEADER_BYTES = 32;

    private record Pack(PackIndex index, FileChannel file, String name) {
    }

    private record Header(long offset, int type, long size, long dataStart, long baseOffset) {
    }

    private record Key(int pack, long offset) {
    }

    private record Resolved(int type, byte[] data) {
    }

    private final List<Pack> packs;
    private final Inflater inflater = new Inflater();
    private final byte[] window = new byte[WINDOW_BYTES];
    private int windowPack = -1;
    private long windowStart;
    private int windowLength;
    private long cachedBytes;
    private final LinkedHashMap<Key, Resolved> cache = new LinkedHashMap<>(256, 0.75f, true);

    private PackedBlobs(List<Pack> packs) {
        this.packs = packs;
    }

    /** The packs of {@code gitDir} as they are now; packs that cannot be opened are left to JGit. */
    static PackedBlobs open(File gitDir) {
        List<Pack> packs = new ArrayList<>();
        File[] indexes = new File(gitDir, "objects/pack").listFiles((dir, name) -> name.endsWith(".idx"));
        for (File idx : indexes == null ? new File[0] : indexes) {
            File pack = new File(idx.getParentFile(), idx.getName().replaceFirst("\\.idx$", ".pack"));
            try {
                PackIndex index = PackIndex.open(idx);
                packs.add(new Pack(index, FileChannel.open(pack.toPath(), StandardOpenOption.READ), pack.getName()));
            } catch (IOException | RuntimeException e) {
                // a pack being written or removed by a concurrent repack: JGit finds its objects elsewhere
            }
        }
        return new PackedBlobs(packs);
    }

    /**
     * The blob's bytes, or null when it is not stored in a form read here or is larger than {@code maxBytes}: then
     * the caller reads it with JGit, which also reports real damage in its own words.
     */
    byte[] blob(AnyObjectId id, int maxBytes) throws IOException {
        for (int p = 0; p < packs.size(); p++) {
            long offset = packs.get(p).index().findOffset(id);
            if (offset >= 0) {
                Resolved object = resolve(p, offset, maxBytes);
                return object != null && object.type() == Constants.OBJ_BLOB ? object.data() : null;
            }
        }
        return null;
    }

    @Override
    public void close() {
        inflater.end();
        for (Pack pack : packs) {
            try {
                pack.file().close();
            } catch (IOException e) {
                // read-only file: nothing was left unwritten
            }
        }
    }

    /** Walks down the delta chain to a cached or whole object, then applies the deltas back up, caching each step. */
    private Resolved resolve(int p, long offset, int maxBytes) throws IOException {
        Deque<Header> deltas = new ArrayDeque<>();
        Resolved object;
        for (long at = offset; ; ) {
            object = cache.get(new Key(p, at));
            if (object != null) {
                break;
            }
            Header header = header(p, at);
            if (header.type() == OBJ_OFS_DELTA) {
                deltas.push(header);
                at = header.baseOffset();
            } else if (header.type() >= Constants.OBJ_COMMIT && header.type() <= Constants.OBJ_TAG
                    && header.size() <= maxBytes) {
                object = remember(p, at, new Resolved(header.type(), inflate(p, header)));
                break;
            } else {
                return null; // a reference delta or an object over the limit
            }
        }
        while (!deltas.isEmpty()) {
            Header header = deltas.pop();
            if (header.size() > maxBytes) {
                return null;
            }
            byte[] delta = inflate(p, header);
            if (BinaryDelta.getResultSize(delta) > maxBytes) {
                return null;
            }
            try {
                object = remember(p, header.offset(), new Resolved(object.type(), BinaryDelta.apply(object.data(), delta)));
            } catch (RuntimeException e) {
                throw corrupt(p, header.offset(), "delta does not fit its base: " + e.getMessage());
            }
        }
        return object;
    }

    private Resolved remember(int p, long offset, Resolved object) {
        cachedBytes += object.data().length;
        cache.put(new Key(p, offset), object);
        for (Iterator<Resolved> eldest = cache.values().iterator(); cachedBytes > CACHE_BYTES && cache.size() > 1; ) {
            cachedBytes -= eldest.next().data().length;
            eldest.remove();
        }
        return object;
    }

    /** The object header at {@code offset}: type, size (of the delta for deltas) and where its data starts. */
    private Header header(int p, long offset) throws IOException {
        int i = window(p, offset, MAX_HEADER_BYTES);
        int start = i;
        int c = window[i++] & 0xff;
        int type = (c >> 4) & 7;
        long size = c & 15;
        for (int shift = 4; (c & 0x80) != 0; shift += 7) {
            c = window[i++] & 0xff;
            size |= (long) (c & 0x7f) << shift;
        }
        long base = -1;
        if (type == OBJ_OFS_DELTA) {
            c = window[i++] & 0xff;
            long distance = c & 0x7f;
            while ((c & 0x80) != 0) {
                c = window[i++] & 0xff;
                distance = ((distance + 1) << 7) | (c & 0x7f);
            }
            base = offset - distance;
            if (base < 0 || base >= offset) {
                throw corrupt(p, offset, "delta base outside the pack");
            }
        }
        if (size > Integer.MAX_VALUE - 16) {
            type = -1; // too large for an array: left to JGit's streaming reader
        }
        return new Header(offset, type, size, offset + (i - start), base);
    }

    private byte[] inflate(int p, Header header) throws IOException {
        byte[] out = new byte[(int) header.size()];
        byte[] spare = new byte[1];
        inflater.reset();
        long position = header.dataStart();
        int length = 0;
        try {
            while (!inflater.finished()) {
                if (inflater.needsInput()) {
                    int i = window(p, position, 1);
                    inflater.setInput(window, i, windowLength - i);
                    position += windowLength - i;
                }
                int n = length < out.length ? inflater.inflate(out, length, out.length - length) : inflater.inflate(spare);
                if (length == out.length && n > 0) {
                    throw corrupt(p, header.offset(), "more data than its header says");
                }
                length += length < out.length ? n : 0;
                if (n == 0 && !inflater.finished() && !inflater.needsInput()) {
                    throw corrupt(p, header.offset(), "zlib stream needs a dictionary");
                }
            }
        } catch (DataFormatException e) {
            throw corrupt(p, header.offset(), e.getMessage());
        }
        if (length != out.length) {
            throw corrupt(p, header.offset(), "less data than its header says");
        }
        return out;
    }

    /**
     * Index in {@link #window} of pack byte {@code position}, with at least {@code need} bytes after it unless the
     * pack ends first; reloads the window from {@code position} when it does not hold them.
     */
    private int window(int p, long position, int need) throws IOException {
        if (p != windowPack || position < windowStart || position + need > windowStart + windowLength) {
            ByteBuffer buffer = ByteBuffer.wrap(window);
            FileChannel file = packs.get(p).file();
            while (buffer.hasRemaining() && file.read(buffer, position + buffer.position()) > 0) {
                // positional reads until the window is full or the pack ends
            }
            if (buffer.position() == 0) {
                throw new EOFException("pack " + packs.get(p).name() + " ends before offset " + position);
            }
            windowPack = p;
            windowStart = position;
            windowLength = buffer.position();
        }
        return (int) (position - windowStart);
    }

    private IOException corrupt(int p, long offset, String why) {
        return new IOException("pack " + packs.get(p).name() + ", object at " + offset + ": " + why);
    }
}
