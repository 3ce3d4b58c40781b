package org.keepalivelab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.keepalivelab.explain.Explanation;
import org.keepalivelab.model.EventsByConnection;
import org.keepalivelab.ui.capture.CaptureDetections;
import org.keepalivelab.ui.capture.CaptureLoad;
import org.keepalivelab.ui.capture.CaptureSummary;

/**
 * The window's opening of a capture and the filling of its list's Detection column, without the window,
 * in a JVM of its own ({@link ForkedJvm}, started by {@link ImportBench} with the heap capped):
 * {@link CaptureLoad} as File > Open capture… runs it (the import, the view model's first pull, the index
 * of each connection's events), then {@link CaptureDetections} with the story's rules
 * ({@code Explanation::of}), its batches counted where the window puts them in rows.
 * {@code DetectionFillRun FILE} prints its figures.
 */
final class DetectionFillRun {

    private DetectionFillRun() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        var opened = CaptureLoad.start(Path.of(args[0])).done().get();
        long open = System.nanoTime();
        new EventsByConnection(opened.timeline()).update(); // the open's index made again, alone: its share
        long indexed = System.nanoTime();
        var rows = new AtomicInteger();
        var fill = CaptureDetections.start(opened.summaries().stream().map(CaptureSummary::conn).toList(),
                opened::facts, Explanation::of, Runnable::run, batch -> rows.addAndGet(batch.size()));
        if (!fill.awaitEnd(Duration.ofMinutes(30))) {
            throw new AssertionError("the detections were not filled in 30 minutes");
        }
        double fillSeconds = (System.nanoTime() - indexed) / 1e9;
        if (rows.get() != opened.summaries().size()) {
            throw new AssertionError(rows.get() + " rows filled of " + opened.summaries().size());
        }
        long peak = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        List.of(new Figure("import.window_open_s", (open - start) / 1e9, "s", "-"),
                new Figure("import.window_index_s", (indexed - open) / 1e9, "s", "-"),
                new Figure("import.detections_rows", rows.get(), "rows", "-"),
                new Figure("import.detections_fill_s", fillSeconds, "s", "-"),
                new Figure("import.detections_heap_peak_mb", peak / 1e6, "MB", "<=" + ImportBench.HEAP_MB))
                .forEach(System.out::println);
    }
}
