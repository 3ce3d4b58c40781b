package org.keepalivelab.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.keepalivelab.model.store.StoreDirectory;

/**
 * The disk this process's store takes, per event: the blocks its files really have on disk (they are
 * sparse: a page takes disk only once written), as {@code du} counts them.
 */
final class StoreUse {
    private StoreUse() {
    }

    static List<Figure> figures(String prefix, long events) throws IOException, InterruptedException {
        long bytes = diskBytes();
        return List.of(
                new Figure(prefix + ".store_disk", SyntheticMemory.mb(bytes), "MiB", "-"),
                new Figure(prefix + ".store_disk_per_event", bytes / (double) events, "B", "-"));
    }

    /** The bytes this process's store directory takes on disk now. */
    static long diskBytes() throws IOException, InterruptedException {
        Path directory = StoreDirectory.process().path();
        var du = new ProcessBuilder("du", "-s", "-B1", directory.toString()).redirectErrorStream(true).start();
        String out = new String(du.getInputStream().readAllBytes()).strip();
        if (du.waitFor() != 0) {
            throw new IOException("du failed: " + out);
        }
        return Long.parseLong(out.split("\\s+")[0]);
    }
}
