package org.keepalivelab.model.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Where the store's files go: {@code $XDG_CACHE_HOME/keepalive-lab/store} (by default
 * {@code ~/.cache/keepalive-lab/store}), or the directory {@value #ENVIRONMENT} names.
 *
 * <p>Why the cache home: the XDG Base Directory specification gives it to "user-specific
 * non-essential (cached) data", which a run's events are, and it is on a disk. The store's whole point
 * is that the kernel's page cache holds the events and can write them back and drop them when memory
 * is short; a file on a tmpfs cannot be dropped, only swapped, so it would cost memory as the heap
 * did. {@code $XDG_RUNTIME_DIR} is always a tmpfs (and systemd-logind caps it at 10% of the memory,
 * {@code RuntimeDirectorySize}); {@code /tmp} ({@code java.io.tmpdir}) is one on Fedora, Arch Linux and
 * Debian 13, and is shared with every other user. It is only the fallback, for a user whose home has
 * no writable cache (the {@code nobody} account).
 */
public final class StoreLocation {
    /** The environment variable that names another folder for the store. */
    public static final String ENVIRONMENT = "KEEPALIVE_LAB_STORE";
    private static final String APP = "keepalive-lab";

    private StoreLocation() {
    }

    /** The folder this process's directory goes in. */
    static Path parent() {
        return parent(System.getenv(), System.getProperty("user.home"), System.getProperty("java.io.tmpdir"),
                System.getProperty("user.name"));
    }

    /** The folder for {@code env}, or the fallback under {@code tmp} where the preferred one cannot be made. */
    static Path parent(Map<String, String> env, String home, String tmp, String user) {
        String named = env.get(ENVIRONMENT);
        if (named != null && !named.isEmpty()) {
            return Path.of(named).toAbsolutePath();
        }
        String cacheHome = env.get("XDG_CACHE_HOME");
        // The specification: a relative path in an XDG variable is invalid and is ignored.
        Path cache = cacheHome != null && !cacheHome.isEmpty() && Path.of(cacheHome).isAbsolute()
                ? Path.of(cacheHome) : Path.of(home, ".cache");
        Path preferred = cache.resolve(APP).resolve("store");
        try {
            createPrivate(preferred);
            return preferred;
        } catch (IOException | SecurityException e) {
            return Path.of(tmp, APP + "-" + user, "store");
        }
    }

    /**
     * Makes {@code dir} and its missing parents, those this makes readable by the user only; then checks
     * that it is a directory, not a link, that the user may write.
     */
    static void createPrivate(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            Path parent = dir.getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                createPrivate(parent);
            }
            try {
                createPrivateDirectory(dir);
            } catch (FileAlreadyExistsException raced) {
                // another process made it meanwhile: checked below like any
            }
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || !Files.isWritable(dir)) {
            throw new IOException(dir + " is not a directory this user may write");
        }
    }

    /**
     * Checks that {@code parent} is the user's, as the file system sees the user (inside a user
     * namespace too): the owner of {@code made}, just made in it. A shared {@code /tmp} could hold
     * another user's folder of that name, made to catch our files.
     */
    static void checkOwner(Path parent, Path made) throws IOException {
        if (!Files.getOwner(parent, LinkOption.NOFOLLOW_LINKS).equals(Files.getOwner(made, LinkOption.NOFOLLOW_LINKS))) {
            throw new IOException(parent + " belongs to another user");
        }
    }

    /** Makes one directory, readable by the user only where the file system has POSIX permissions. */
    static void createPrivateDirectory(Path dir) throws IOException {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectory(dir);
        }
    }
}
