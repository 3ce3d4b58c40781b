package org.keepalivelab.model.store;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Blocks carved out of mapped files that double in size: what is written stays, across files and after the files go. */
class MappedBlocksTest {
    @TempDir
    Path parent;
    private StoreDirectory directory;

    @AfterEach
    void close() {
        if (directory != null) {
            directory.close();
        }
    }

    @Test
    void blocksCrossFileBoundariesAndKeepWhatWasWritten() throws Exception {
        directory = StoreDirectory.open(parent);
        var blocks = new MappedBlocks(directory, "test", 4096, 16_384);
        var handed = new ArrayList<MemorySegment>();
        for (long i = 0; i < 40; i++) {
            var block = blocks.allocate(3000); // a file of 4096 holds one, of 8192 two, of 16384 five
            assertEquals(0, block.get(JAVA_LONG, 2992), "a new block is zeroed");
            block.set(JAVA_LONG, 0, i);
            block.set(JAVA_LONG, 2992, -i);
            handed.add(block);
        }
        for (int i = 0; i < handed.size(); i++) {
            assertEquals(i, handed.get(i).get(JAVA_LONG, 0));
            assertEquals(-i, handed.get(i).get(JAVA_LONG, 2992));
        }
        // 1 + 2 + 5 × 7 + 2 blocks: files of 4096, 8192, then 8 of 16384
        assertEquals(4096 + 8192 + 8 * 16_384, blocks.mappedBytes());
        assertEquals(10, Files.list(directory.path()).filter(f -> f.getFileName().toString().startsWith("test-")).count());
        blocks.close();
        assertEquals(0, Files.list(directory.path()).filter(f -> f.getFileName().toString().startsWith("test-")).count());
        assertEquals(7, handed.get(7).get(JAVA_LONG, 0), "memory still mapped outlives its files");
    }

    @Test
    void preparedBlocksAreZeroedAndKeepWhatWasWrittenAcrossFiles() throws Exception {
        directory = StoreDirectory.open(parent);
        var blocks = new MappedBlocks(directory, "test", 4096, 16_384, 3000);
        var handed = new ArrayList<MemorySegment>();
        for (long i = 0; i < 40; i++) {
            var block = blocks.allocate(3000);
            assertEquals(0, block.get(JAVA_LONG, 0), "a prepared block is zeroed: its pages were written with zeros");
            assertEquals(0, block.get(JAVA_LONG, 2992));
            block.set(JAVA_LONG, 0, i);
            block.set(JAVA_LONG, 2992, -i);
            handed.add(block);
        }
        var other = blocks.allocate(100); // another size is carved at once, between prepared ones
        other.set(JAVA_LONG, 0, 99);
        handed.add(blocks.allocate(3000));
        for (int i = 0; i < 40; i++) {
            assertEquals(i, handed.get(i).get(JAVA_LONG, 0));
            assertEquals(-i, handed.get(i).get(JAVA_LONG, 2992));
        }
        assertEquals(99, other.get(JAVA_LONG, 0));
        assertEquals(0, handed.getLast().get(JAVA_LONG, 0), "the block prepared before the other size came is still whole");
    }

    @Test
    void aStoreThatNeedsOneBlockPreparesNoOther() throws Exception {
        directory = StoreDirectory.open(parent);
        var blocks = new MappedBlocks(directory, "test", 4096, 16_384, 4096);
        blocks.allocate(4096);
        assertEquals(4096, blocks.mappedBytes(), "no second file mapped for a block nobody asked for");
    }

    @Test
    void whatStopsAPreparationIsThrownAtTheNextAllocation() throws Exception {
        directory = StoreDirectory.open(parent);
        var blocks = new MappedBlocks(directory, "test", 3 * 4096, 3 * 4096, 4096);
        blocks.allocate(4096);
        blocks.allocate(4096); // both carved at once; the file's third block is prepared meanwhile
        try (var files = Files.list(directory.path())) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(directory.path());
        blocks.allocate(4096).set(JAVA_LONG, 0, 1); // the prepared one: its file is gone, its memory is not
        var e = assertThrows(UncheckedIOException.class, () -> blocks.allocate(4096), "the fourth needed a new file");
        assertEquals(true, e.getMessage().startsWith("Keepalive Lab could not make its store file"), e.getMessage());
    }

    @Test
    void aBlockLargerThanTheFilesGetsAFileOfItsOwn() throws Exception {
        directory = StoreDirectory.open(parent);
        var blocks = new MappedBlocks(directory, "test", 4096, 8192);
        blocks.allocate(100_000).set(JAVA_LONG, 99_992, 5);
        assertEquals(100_000, blocks.mappedBytes());
    }

    @Test
    void aFullDiskIsRefusedWithASentence() throws Exception {
        directory = StoreDirectory.open(parent);
        long free = Files.getFileStore(parent).getUsableSpace();
        var blocks = new MappedBlocks(directory, "test", free, free);
        var e = assertThrows(IllegalStateException.class, () -> blocks.allocate(8));
        assertEquals(true, e.getMessage().startsWith("The disk under " + directory.path() + " is full"), e.getMessage());
    }
}
