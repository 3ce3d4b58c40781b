package org.keepalivelab.model.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process's store directory: gone when the process ends by a signal, and, when it was killed,
 * swept by a later start; never a live process's, nor anything not named as ours.
 */
class StoreDirectoryTest {
    @TempDir
    Path parent;

    @Test
    void closeRemovesTheDirectoryAndItsFiles() throws Exception {
        var directory = StoreDirectory.open(parent);
        var blocks = new MappedBlocks(directory, "test", 4096, 4096);
        blocks.allocate(100).set(ValueLayout.JAVA_INT, 0, 7);
        assertTrue(Files.list(directory.path()).count() >= 2, "the lock and a file");
        directory.close();
        assertFalse(Files.exists(directory.path()));
    }

    @Test
    void aSweepRemovesTheDirectoryOfAKilledProcessOnly() throws Exception {
        var mine = StoreDirectory.open(parent);
        Path stranger = Files.createDirectory(parent.resolve("not-ours"));
        Path lookalike = Files.createDirectory(parent.resolve("run-1-unlocked")); // no lock: dead, but new
        try (var live = StoreTestJvm.start(List.of(), Map.of(), StoreChild.class, "hold", parent.toString());
             var killed = StoreTestJvm.start(List.of(), Map.of(), StoreChild.class, "hold", parent.toString())) {
            Path livePath = Path.of(live.line());
            Path killedPath = Path.of(killed.line());
            // A grace below zero takes every directory for old enough: only the locks decide.
            assertEquals(List.of(lookalike), StoreDirectory.sweep(parent, Duration.ofSeconds(-1)), "every holder lives");
            killed.signal("KILL");
            assertEquals(List.of(), StoreDirectory.sweep(parent, Duration.ofHours(1)), "too new to be taken for dead");
            assertEquals(List.of(killedPath), StoreDirectory.sweep(parent, Duration.ofSeconds(-1)));
            assertTrue(Files.isDirectory(livePath) && Files.isDirectory(mine.path()) && Files.isDirectory(stranger));
            assertFalse(Files.exists(killedPath));
        } finally {
            mine.close();
        }
    }

    @Test
    void theProcessDirectoryGoesOnSigtermAndSigint() throws Exception {
        for (String signal : List.of("TERM", "INT")) {
            try (var child = StoreTestJvm.start(List.of(), Map.of(StoreLocation.ENVIRONMENT, parent.toString()),
                    StoreChild.class, "process")) {
                Path path = Path.of(child.line());
                assertTrue(Files.list(path).anyMatch(file -> file.getFileName().toString().startsWith("timeline-")));
                child.signal(signal);
                assertFalse(Files.exists(path), "SIG" + signal + " left " + path);
            }
        }
    }

    @Test
    void theCacheHomeIsPreferredAndTmpIsTheFallback() throws Exception {
        Path cache = parent.resolve("cache");
        assertEquals(cache.resolve("keepalive-lab/store"),
                StoreLocation.parent(Map.of("XDG_CACHE_HOME", cache.toString()), "/nonexistent", "/tmp", "me"));
        assertEquals(parent.resolve("home/.cache/keepalive-lab/store"),
                StoreLocation.parent(Map.of("XDG_CACHE_HOME", "relative"), parent.resolve("home").toString(), "/tmp", "me"));
        Path file = Files.createFile(parent.resolve("a-file")); // no folder can be made under it, even by root
        assertEquals(Path.of("/tmp", "keepalive-lab-me", "store"),
                StoreLocation.parent(Map.of("XDG_CACHE_HOME", file.toString()), "/nonexistent", "/tmp", "me"));
        assertEquals(parent.resolve("mine"), StoreLocation.parent(Map.of(StoreLocation.ENVIRONMENT, parent.resolve("mine").toString(),
                "XDG_CACHE_HOME", cache.toString()), "/nonexistent", "/tmp", "me"));
    }
}
