package org.keepalivelab.model.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Blocks of memory for one growing store (the timeline's columns, a reader's segment rows, the
 * captured packets), carved one after another out of files mapped from a {@link StoreDirectory}: the
 * kernel's page cache holds them, writes them back and drops them as it needs the memory, and the Java
 * heap holds one small object per block.
 *
 * <p>A file the writer has filled is dropped from the process's resident set ({@link MemorySegment#unload()}):
 * its pages stay in the page cache, which writes them back and frees them as memory is needed, and
 * come back on the next access; the process's resident set holds what is being written and read now,
 * not the run's history.
 *
 * <p>Files start small (a test's timeline takes a few pages) and double up to a maximum. They are
 * sparse: a page takes disk only once written. A new file is refused while the disk would keep less
 * than {@link #RESERVE} free, with a sentence saying so, rather than have a later write into a mapped
 * page find the disk full (which the JVM reports as an {@link InternalError} at some later access).
 *
 * <p>The files go when {@link #close()} is called or, failing that, when this object becomes
 * unreachable; the mapped memory itself is unmapped once the last block is unreachable, so a reader
 * still holding one never reads freed memory. One writer: callers serialise {@link #allocate}.
 */
public final class MappedBlocks implements AutoCloseable {
    /** What the store leaves free on the disk it writes to, for everyone else. */
    public static final long RESERVE = 256L << 20;
    private static final Cleaner CLEANER = Cleaner.create();
    private static final long ALIGNMENT = 8;

    private final StoreDirectory directory;
    private final String name;
    private final long maxFileBytes;
    private final FileList files = new FileList();
    private final Cleaner.Cleanable cleanable;
    private long nextFileBytes;
    private MemorySegment file;
    private long used;
    private long mapped;

    /**
     * @param name          what the files hold, in their names
     * @param firstFileBytes the first file's size; each next one is twice the last, up to {@code maxFileBytes}
     */
    public MappedBlocks(StoreDirectory directory, String name, long firstFileBytes, long maxFileBytes) {
        if (firstFileBytes <= 0 || maxFileBytes < firstFileBytes) {
            throw new IllegalArgumentException("file sizes must be positive, the first at most the largest: "
                    + firstFileBytes + ", " + maxFileBytes);
        }
        this.directory = directory;
        this.name = name;
        this.nextFileBytes = firstFileBytes;
        this.maxFileBytes = maxFileBytes;
        this.cleanable = CLEANER.register(this, files);
    }

    /** A new block of {@code bytes} bytes, zeroed, 8-byte aligned. */
    public MemorySegment allocate(long bytes) {
        long size = (bytes + ALIGNMENT - 1) & -ALIGNMENT;
        if (file == null || file.byteSize() - used < size) {
            if (file != null) {
                // Out of the process's resident set, not out of the page cache: a later read or write
                // of a block in it maps its pages back from there (MADV_DONTNEED on a shared mapping).
                file.unload();
            }
            file = map(Math.max(size, nextFileBytes));
            used = 0;
            nextFileBytes = Math.min(maxFileBytes, nextFileBytes * 2);
        }
        var block = file.asSlice(used, size);
        used += size;
        return block;
    }

    /** The bytes of every file mapped so far: what the store may take on disk at most. */
    public long mappedBytes() {
        return mapped;
    }

    private MemorySegment map(long size) {
        Path path = directory.newFile(name);
        try {
            long free = Files.getFileStore(directory.path()).getUsableSpace();
            if (free - size < RESERVE) {
                throw new IllegalStateException("The disk under " + directory.path() + " is full for Keepalive Lab's store: "
                        + (free >> 20) + " MB are free and it keeps " + (RESERVE >> 20) + " MB for the system; free some space, "
                        + "or set " + StoreLocation.ENVIRONMENT + " to a directory on a larger disk.");
            }
            files.add(path);
            try (var channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                // Mapping past the end makes the file that long, sparse; the mapping outlives the channel.
                var segment = channel.map(FileChannel.MapMode.READ_WRITE, 0, size, Arena.ofAuto());
                mapped += size;
                return segment;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Keepalive Lab could not make its store file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the files now; blocks already handed out stay readable while they are reachable. */
    @Override
    public void close() {
        cleanable.clean();
    }

    /** The files made so far: deleted by the cleaner, which must not hold the store itself. */
    private static final class FileList implements Runnable {
        private final List<Path> paths = new ArrayList<>();

        synchronized void add(Path path) {
            paths.add(path);
        }

        @Override
        public synchronized void run() {
            for (Path path : paths) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // still mapped where the system refuses (Windows): the next start's sweep takes it
                }
            }
            paths.clear();
        }
    }
}
