package org.keepalivelab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import org.keepalivelab.export.ImportLog;
import org.keepalivelab.imports.CaptureImport;
import org.keepalivelab.imports.CaptureStream;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.Timeline;

/**
 * One import in a JVM of its own (started by {@link ImportBench} with the heap capped), so that its
 * heap peak is its own: {@code ImportRun FILE [LOG]} prints
 * {@code importSeconds keepalives events logSeconds heapPeakBytes}.
 */
final class ImportRun {

    private ImportRun() {
    }

    public static void main(String[] args) throws Exception {
        String file = args[0];
        var timeline = new Timeline();
        long start = System.nanoTime();
        var result = CaptureImport.read(file, CaptureStream.open(file), timeline, null, CaptureImport.Listener.NONE);
        long imported = System.nanoTime();
        long keepalives = 0;
        for (int i = 0; i < timeline.size(); i++) {
            if (timeline.isSegment(i) && timeline.segmentKind(i) == SegmentKind.KEEPALIVE) {
                keepalives++;
            }
        }
        double logSeconds = 0;
        if (args.length > 1) {
            long before = System.nanoTime();
            ImportLog.write(result, timeline, Path.of(args[1]));
            logSeconds = (System.nanoTime() - before) / 1e9;
        }
        long peak = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println((imported - start) / 1e9 + " " + keepalives + " " + timeline.size() + " " + logSeconds + " " + peak);
    }
}
