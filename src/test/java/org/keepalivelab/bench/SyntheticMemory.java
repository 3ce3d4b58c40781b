package org.keepalivelab.bench;

import java.util.ArrayList;
import java.util.List;
import org.keepalivelab.ui.timeline.LayoutPass;
import org.keepalivelab.ui.timeline.TimelineModel;

/**
 * A long run's memory without a lab: {@code N} million events appended to the timeline
 * ({@link SyntheticTimeline}), taken in by a view model (its per-side segment rows and the probes'
 * answers) and laid out as a frame does. Run in a JVM of its own ({@link ForkedJvm}) with the heap
 * bound as its maximum: that it finishes at all shows the events are not on the heap. Prints its
 * figures as {@code name value unit target}.
 */
public final class SyntheticMemory {
    private static final int PASSES = 500;

    private SyntheticMemory() {
    }

    /** Arguments: millions of events, connections. */
    public static void main(String[] args) throws Exception {
        int events = (int) (Double.parseDouble(args[0]) * 1_000_000);
        int connections = Integer.parseInt(args[1]);
        var probe = new MemoryProbe();
        long start = System.nanoTime();
        var timeline = SyntheticTimeline.build(connections, events);
        long appended = System.nanoTime();
        var model = new TimelineModel(timeline);
        model.pull();
        long pulled = System.nanoTime();
        var pass = new LayoutPass();
        long[] layout = new long[PASSES];
        long span = model.lastT() - model.firstT();
        for (int i = 0; i < PASSES; i++) { // after the first few hundred, C2 has compiled the layout
            long nudge = i % 2 * (span / 1000); // a different window each time, so each pass lays out anew
            layout[i] = pass.run(model, DrawBench.WIDTH, DrawBench.HEIGHT, 47, model.firstT() + nudge, model.lastT() + nudge);
        }
        long live = MemoryProbe.liveHeap();
        var figures = new ArrayList<Figure>();
        figures.add(new Figure("memory.synthetic.events", timeline.size(), "events", "-"));
        figures.add(new Figure("memory.synthetic.append_s", (appended - start) / 1e9, "s", "-"));
        figures.add(new Figure("memory.synthetic.view_model_pull_s", (pulled - appended) / 1e9, "s", "-"));
        figures.add(new Figure("memory.synthetic.layout_p50", DrawBench.percentile(layout, 50) / 1e6, "ms", "-"));
        figures.add(new Figure("memory.synthetic.heap_peak_live", mb(Math.max(live, probe.peakLiveHeap())), "MiB", "<512"));
        figures.add(new Figure("memory.synthetic.heap_live_end", mb(live), "MiB", "-"));
        figures.add(new Figure("memory.synthetic.heap_max", mb(MemoryProbe.heap().getMax()), "MiB", "-"));
        figures.add(new Figure("memory.synthetic.rss_anon", mb(MemoryProbe.status("RssAnon")), "MiB", "-"));
        figures.add(new Figure("memory.synthetic.rss_file", mb(MemoryProbe.status("RssFile")), "MiB", "-"));
        figures.add(new Figure("memory.synthetic.rss_peak", mb(MemoryProbe.status("VmHWM")), "MiB", "-"));
        figures.addAll(StoreUse.figures("memory.synthetic", timeline.size()));
        figures.forEach(System.out::println);
        if (model.segmentCount() == 0 || pass.lanes() == 0) {
            throw new AssertionError("the run laid out nothing");
        }
    }

    static double mb(long bytes) {
        return Math.round(bytes * 10.0 / (1 << 20)) / 10.0;
    }

    static List<String> args(double millions, int connections) {
        return List.of(String.valueOf(millions), String.valueOf(connections));
    }
}
