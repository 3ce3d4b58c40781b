package org.keepalivelab.model.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * One process's directory of store files ({@link MappedBlocks}): {@code run-<pid>-<random>} under the
 * {@linkplain StoreLocation user's store folder}, removed with everything in it when the process exits
 * (a shutdown hook: normal exit, SIGTERM, SIGINT, SIGHUP), and, when the process was killed
 * (SIGKILL, a crash, power loss), by the next start's {@link #sweep}.
 *
 * <p>Liveness is a lock, not a process id: the directory's {@value #LOCK} file is locked for the
 * process's whole life, and the kernel drops the lock when the process dies however it dies, in any
 * PID namespace. A sweep removes a directory only if it can take that lock itself. POSIX drops all of a
 * process's locks on a file when any descriptor of it is closed, so a sweep never opens the lock of a
 * directory this JVM holds ({@link #HELD}).
 */
public final class StoreDirectory implements AutoCloseable {
    static final String LOCK = "lock";
    private static final Pattern NAME = Pattern.compile("run-\\d+-[0-9a-z]+");
    /**
     * A directory whose lock could be taken is stale only once its lock file is this old: a process
     * creates the file and locks it microseconds apart, and a sweep must not win that race.
     */
    static final Duration CREATION_GRACE = Duration.ofSeconds(10);
    /** Directories this JVM holds: never opened by a sweep, whose close would release their lock. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path path;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final AtomicLong files = new AtomicLong();
    private volatile boolean closed;

    private StoreDirectory(Path path, FileChannel lockChannel, FileLock lock) {
        this.path = path;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** This process's directory, made (after a sweep of stale ones) the first time it is asked for. */
    public static StoreDirectory process() {
        return ProcessDirectory.INSTANCE;
    }

    /** Made on first use: the sweep and the shutdown hook happen once per process. */
    private static final class ProcessDirectory {
        static final StoreDirectory INSTANCE = openForProcess();

        private static StoreDirectory openForProcess() {
            Path parent = StoreLocation.parent();
            try {
                var directory = open(parent);
                try {
                    sweep(parent, CREATION_GRACE);
                } catch (IOException e) {
                    // housekeeping: what it could not remove now, a later start tries again
                }
                Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("store-cleanup").unstarted(directory::close));
                return directory;
            } catch (IOException e) {
                throw new UncheckedIOException("Keepalive Lab keeps its timeline in files under " + parent
                        + " and cannot create them there (" + e.getMessage() + "); set "
                        + StoreLocation.ENVIRONMENT + " to a writable directory on a local disk.", e);
            }
        }
    }

    /** Makes a new directory under {@code parent} (made too if need be, private to the user) and locks it. */
    public static StoreDirectory open(Path parent) throws IOException {
        StoreLocation.createPrivate(parent);
        long pid = ProcessHandle.current().pid();
        while (true) {
            var path = parent.resolve("run-" + pid + "-" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36));
            try {
                StoreLocation.createPrivateDirectory(path);
            } catch (FileAlreadyExistsException taken) {
                continue;
            }
            try {
                StoreLocation.checkOwner(parent, path);
            } catch (IOException e) {
                Files.delete(path);
                throw e;
            }
            var channel = FileChannel.open(path.resolve(LOCK), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) { // a sweep holds it this instant: leave this name to it
                channel.close();
                continue;
            }
            var directory = new StoreDirectory(path, channel, lock);
            HELD.add(path);
            return directory;
        }
    }

    public Path path() {
        return path;
    }

    /** A new file's path in this directory, named after what it holds: {@code timeline-12.map}. */
    Path newFile(String name) {
        if (closed) {
            throw new IllegalStateException("The store directory " + path + " is closed.");
        }
        return path.resolve(name + "-" + files.incrementAndGet() + ".map");
    }

    /**
     * Removes every file and the directory, then releases the lock. Memory still mapped from the files
     * stays readable (on Linux an unlinked file lives until its last mapping goes); where the system
     * refuses to delete a mapped file (Windows), the next start's sweep removes what is left.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            removeContents(path, Set.of(LOCK));
            lock.release();
            lockChannel.close();
            Files.deleteIfExists(path.resolve(LOCK));
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // what could not go now goes with the next start's sweep
        } finally {
            HELD.remove(path);
        }
    }

    /**
     * Removes the stale directories under {@code parent}: named as {@link #open} names them, real
     * directories (not links), whose lock no process holds, made at least {@code grace} ago. Leaves
     * anything else alone. Returns what it removed.
     */
    public static List<Path> sweep(Path parent, Duration grace) throws IOException {
        var removed = new ArrayList<Path>();
        if (!Files.isDirectory(parent, LinkOption.NOFOLLOW_LINKS)) {
            return removed;
        }
        Instant madeBefore = Instant.now().minus(grace);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent)) {
            for (Path entry : entries) {
                if (NAME.matcher(entry.getFileName().toString()).matches() && !HELD.contains(entry)
                        && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) && removedIfStale(entry, madeBefore)) {
                    removed.add(entry);
                }
            }
        }
        return removed;
    }

    /** Whether {@code directory} was stale and is gone; one that cannot be removed now is left for a later sweep. */
    private static boolean removedIfStale(Path directory, Instant madeBefore) {
        try {
            return removeIfStale(directory, madeBefore);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean removeIfStale(Path directory, Instant madeBefore) throws IOException {
        Path lockFile = directory.resolve(LOCK);
        if (!Files.isRegularFile(lockFile, LinkOption.NOFOLLOW_LINKS)) {
            // made, and its maker died before it locked: stale once old enough
            if (modified(directory).isBefore(madeBefore)) {
                removeContents(directory, Set.of());
                Files.deleteIfExists(directory);
                return true;
            }
            return false;
        }
        if (!modified(lockFile).isBefore(madeBefore)) {
            return false;
        }
        try (var channel = FileChannel.open(lockFile, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException ours) {
                return false;
            }
            if (lock == null) {
                return false; // its process lives
            }
            removeContents(directory, Set.of(LOCK));
            Files.deleteIfExists(lockFile);
            Files.deleteIfExists(directory);
            return true;
        } catch (NoSuchFileException gone) {
            return false; // its owner removed it meanwhile
        }
    }

    private static Instant modified(Path path) throws IOException {
        FileTime time = Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS);
        return time.toInstant();
    }

    /** Deletes what is in {@code directory} but {@code keep}, never following a link out of it. */
    private static void removeContents(Path directory, Set<String> keep) throws IOException {
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (!(file.getParent().equals(directory) && keep.contains(file.getFileName().toString()))) {
                    Files.deleteIfExists(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (!dir.equals(directory)) {
                    Files.deleteIfExists(dir);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
