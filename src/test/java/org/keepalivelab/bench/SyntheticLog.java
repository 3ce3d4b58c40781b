package org.keepalivelab.bench;

import java.nio.file.Files;
import java.util.ArrayList;
import org.keepalivelab.export.EventLog;
import org.keepalivelab.lab.Lab;
import org.keepalivelab.lab.LabSettings;

/**
 * The event log of a long run written within the heap bound: a lab started (no connection of its own,
 * so no story), {@code N} million events of {@link SyntheticTimeline} appended to its timeline as its
 * loop and capture would, then {@link EventLog#write} to a file, every event in time order with its
 * probe's verdict. Run in a JVM of its own ({@link ForkedJvm}) with the heap bound as its maximum.
 * Prints its figures as {@code name value unit target}.
 */
public final class SyntheticLog {
    private SyntheticLog() {
    }

    /** Arguments: millions of events, connections. */
    public static void main(String[] args) throws Exception {
        int events = (int) (Double.parseDouble(args[0]) * 1_000_000);
        int connections = Integer.parseInt(args[1]);
        var file = Files.createTempFile("keepalive-lab-bench", ".jsonl");
        try (var lab = Lab.start(LabSettings.seed())) {
            SyntheticTimeline.build(lab.timeline(), connections, events);
            var probe = new MemoryProbe(); // from here: what writing the log takes
            long start = System.nanoTime();
            EventLog.write(lab, file);
            long written = System.nanoTime();
            var figures = new ArrayList<Figure>();
            figures.add(new Figure("memory.event_log.events", lab.timeline().size(), "events", "-"));
            figures.add(new Figure("memory.event_log.write_s", (written - start) / 1e9, "s", "-"));
            figures.add(new Figure("memory.event_log.bytes", Files.size(file), "B", "-"));
            figures.add(new Figure("memory.event_log.heap_peak_live", SyntheticMemory.mb(probe.peakLiveHeap()), "MiB", "<512"));
            figures.forEach(System.out::println);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
