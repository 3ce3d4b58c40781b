package org.keepalivelab.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code memory} group: the store's heap per event ({@link StoreMemory}); a long synthetic run
 * ({@link SyntheticMemory}), its event log written ({@link SyntheticLog}) and a lab left running
 * ({@link LabMemory}), each in a JVM of its own
 * whose heap maximum is the bound the README promises.
 */
final class MemoryBench {
    /** The heap bound: docs/architecture.md, "The store". */
    static final int MAX_HEAP_MB = 512;

    private MemoryBench() {
    }

    static List<Figure> run(double millions, int labSeconds, int connections) throws Exception {
        var figures = new ArrayList<Figure>(StoreMemory.run());
        figures.addAll(ForkedJvm.run(SyntheticMemory.class, MAX_HEAP_MB, SyntheticMemory.args(millions, connections)));
        figures.addAll(ForkedJvm.run(SyntheticLog.class, MAX_HEAP_MB, SyntheticMemory.args(millions, connections)));
        figures.addAll(ForkedJvm.run(LabMemory.class, MAX_HEAP_MB, LabMemory.args(labSeconds, connections)));
        return figures;
    }
}
