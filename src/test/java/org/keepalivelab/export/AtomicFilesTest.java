package org.keepalivelab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aFailedWriteLeavesTheOldFileAndNoPartialOne() throws IOException {
        var file = dir.resolve("events.jsonl");
        Files.writeString(file, "old\n");

        assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write("half of the new".getBytes());
            throw new IOException("disk full");
        }));

        assertEquals("old\n", Files.readString(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void aNewFileIsReadableByOthersLikeAnyOrdinaryFile() throws IOException {
        var file = dir.resolve("sub").resolve("capture.pcap");

        AtomicFiles.write(file, out -> out.write(new byte[] {1, 2, 3}));

        assertEquals(3, Files.size(file));
        assertEquals(PosixFilePermissions.fromString("rw-r--r--"), Files.getPosixFilePermissions(file));
    }
}
