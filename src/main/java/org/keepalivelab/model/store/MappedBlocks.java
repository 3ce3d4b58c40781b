package org.keepalivelab.model.store;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

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
 * <p>A store whose writer must not wait on the file system (the capture's thread, which writes the
 * timeline and the packets) has its next block prepared ahead ({@code preparedBlockBytes}), once it has
 * asked for a second: a thread of the store's own maps it and writes each of its pages once, so that the
 * page faults of a new page of a shared file mapping (the file system's {@code page_mkwrite}, which on
 * ext4 opens a journal handle and updates the file's time) happen there and not in the middle of the
 * writer's work.
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
    /** The smallest page of the systems the lab runs on: touching every one faults each page in. */
    private static final long PAGE = 4096;
    /** Prepares the stores' next blocks, one at a time; a daemon, as a store being prepared is no work to wait for. */
    private static final Executor PREPARER = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("store-prepare").daemon().factory());

    private final StoreDirectory directory;
    private final String name;
    private final long maxFileBytes;
    private final FileList files = new FileList();
    private final Cleaner.Cleanable cleanable;
    /** The size of the blocks prepared ahead, or -1 for none. */
    private final long preparedBlockBytes;
    // Carving state: the writer's, or the preparer's while a block is being prepared (the writer waits
    // for that block before it carves again).
    private long nextFileBytes;
    private MemorySegment file;
    private long used;
    private volatile long mapped;
    /** The file the writer was last handed a block of: unloaded once the writer has moved past it. */
    private MemorySegment writing;
    private CompletableFuture<Carved> prepared;
    /** True once the writer has had a block of the prepared size: its next request is its second. */
    private boolean grown;

    /**
     * @param name          what the files hold, in their names
     * @param firstFileBytes the first file's size; each next one is twice the last, up to {@code maxFileBytes}
     */
    public MappedBlocks(StoreDirectory directory, String name, long firstFileBytes, long maxFileBytes) {
        this(directory, name, firstFileBytes, maxFileBytes, 0);
    }

    /**
     * A store whose writer asks for blocks of {@code preparedBlockBytes}, each one prepared while the
     * writer fills the one before.
     */
    public MappedBlocks(StoreDirectory directory, String name, long firstFileBytes, long maxFileBytes,
                        long preparedBlockBytes) {
        if (firstFileBytes <= 0 || maxFileBytes < firstFileBytes) {
            throw new IllegalArgumentException("file sizes must be positive, the first at most the largest: "
                    + firstFileBytes + ", " + maxFileBytes);
        }
        if (preparedBlockBytes < 0) {
            throw new IllegalArgumentException("a prepared block has a positive size, or 0 for none: " + preparedBlockBytes);
        }
        this.preparedBlockBytes = preparedBlockBytes == 0 ? -1 : aligned(preparedBlockBytes);
        this.directory = directory;
        this.name = name;
        this.nextFileBytes = firstFileBytes;
        this.maxFileBytes = maxFileBytes;
        this.cleanable = CLEANER.register(this, files);
    }

    /** A new block of {@code bytes} bytes, zeroed, 8-byte aligned. */
    public MemorySegment allocate(long bytes) {
        long size = aligned(bytes);
        Carved block;
        if (size != preparedBlockBytes) {
            block = carve(size);
        } else {
            block = prepared == null ? carve(size) : join(prepared);
            // From the second block on: a store that filled one is growing, while most stores (a test's
            // timeline, a connection's copy for its story) never need a second.
            if (grown) {
                prepared = CompletableFuture.supplyAsync(() -> carve(size).touched(), PREPARER);
            }
            grown = true;
        }
        handOut(block);
        return block.bytes();
    }

    private static long aligned(long bytes) {
        return (bytes + ALIGNMENT - 1) & -ALIGNMENT;
    }

    /** A block and the mapped file it was carved from. */
    private record Carved(MemorySegment bytes, MemorySegment file) {
        /** Writes each page of the block once, with the zero it holds: its page faults happen now. */
        Carved touched() {
            for (long at = 0; at < bytes.byteSize(); at += PAGE) {
                bytes.set(JAVA_BYTE, at, (byte) 0);
            }
            return this;
        }
    }

    /** The next {@code size} bytes of the current file, or of a new one. */
    private Carved carve(long size) {
        if (file == null || file.byteSize() - used < size) {
            file = map(Math.max(size, nextFileBytes));
            used = 0;
            nextFileBytes = Math.min(maxFileBytes, nextFileBytes * 2);
        }
        var block = file.asSlice(used, size);
        used += size;
        return new Carved(block, file);
    }

    /** The prepared block, or what stopped its preparation (a full disk, a file that could not be made). */
    private static Carved join(CompletableFuture<Carved> block) {
        try {
            return block.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Notes the file the writer now writes in. A file it has moved past leaves the process's resident
     * set, not the page cache: a later read or write of a block in it maps its pages back from there
     * ({@code MADV_DONTNEED} on a shared mapping).
     */
    private void handOut(Carved block) {
        if (writing != null && writing != block.file()) {
            writing.unload();
        }
        writing = block.file();
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
