package org.keepalivelab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.keepalivelab.lab.KeepaliveSettings;
import org.keepalivelab.lab.Lab;
import org.keepalivelab.lab.LabSettings;
import org.keepalivelab.lab.ServerPolicy;
import org.keepalivelab.lab.SocketSettings;
import org.keepalivelab.ui.timeline.LayoutPass;
import org.keepalivelab.ui.timeline.TimelineModel;

/**
 * A lab left running: N connections whose server probes every second (idle 1 s, interval 1 s), the
 * client's kernel answering each probe, captured, with a reader playing the window's part (a view
 * model pulled 60 times a second). Run in a JVM of its own ({@link ForkedJvm}) with the heap bound as
 * its maximum. Reports how fast the live heap and the resident set grow once the connections are up
 * (over the whole run, and the anonymous memory over its second half, once the JIT and the collector
 * have settled),
 * and, at the end, how long a frame's layout takes (without JavaFX's toolkit: the layout step, which
 * reads the store; the painters read only the layout). Prints its figures as {@code name value unit target}.
 */
public final class LabMemory {
    private static final LabSettings SETTINGS = LabSettings.seed().withServerPolicy(ServerPolicy.READ_KEEP)
            .withServer(SocketSettings.DEFAULT.withKeepalive(KeepaliveSettings.of(1, 1, 127)));
    private static final long FRAME_MILLIS = 16;
    private static final int PASSES = 200;
    /** Connections set up, the first probes out: the growth measured from here is the steady state's. */
    private static final long SETTLE_MILLIS = 5_000;

    private LabMemory() {
    }

    /** Arguments: seconds to run, connections. */
    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(args[0]);
        int connections = Integer.parseInt(args[1]);
        var probe = new MemoryProbe();
        try (var lab = Lab.start(SETTINGS)) {
            var connected = new ArrayList<CompletableFuture<Integer>>();
            for (int i = 0; i < connections; i++) {
                connected.add(lab.connect());
            }
            CompletableFuture.allOf(connected.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            var window = new Window(lab);
            var thread = Thread.ofPlatform().name("bench-window").start(window);
            Thread.sleep(SETTLE_MILLIS);
            var before = Sample.take(lab);
            Thread.sleep(seconds * 500L);
            var half = Sample.take(lab);
            Thread.sleep(seconds * 500L);
            var after = Sample.take(lab);
            window.stop.set(true);
            thread.join();
            double minutes = (after.nanos - before.nanos) / 60e9;
            double warm = (after.nanos - half.nanos) / 60e9;
            var figures = new ArrayList<Figure>();
            figures.add(new Figure("memory.lab.seconds", seconds, "s", "-"));
            figures.add(new Figure("memory.lab.events_per_s", (after.events - before.events) / (minutes * 60), "events/s", "-"));
            figures.add(new Figure("memory.lab.events", after.events, "events", "-"));
            figures.add(new Figure("memory.lab.heap_growth", SyntheticMemory.mb(after.heap - before.heap) / minutes, "MiB/min", "-"));
            figures.add(new Figure("memory.lab.rss_anon_growth", SyntheticMemory.mb(after.anon - before.anon) / minutes, "MiB/min", "-"));
            // The JIT and the collector settle in the first half minute or so: the second half is the steady state.
            figures.add(new Figure("memory.lab.rss_anon_growth_second_half", SyntheticMemory.mb(after.anon - half.anon) / warm, "MiB/min", "-"));
            figures.add(new Figure("memory.lab.rss_file_growth", SyntheticMemory.mb(after.file - before.file) / minutes, "MiB/min", "-"));
            figures.add(new Figure("memory.lab.heap_peak_live", SyntheticMemory.mb(probe.peakLiveHeap()), "MiB", "<512"));
            figures.add(new Figure("memory.lab.heap_live_end", SyntheticMemory.mb(after.heap), "MiB", "-"));
            figures.add(new Figure("memory.lab.rss_end", SyntheticMemory.mb(after.anon + after.file), "MiB", "-"));
            figures.add(new Figure("memory.lab.layout_p50", window.layoutP50 / 1e6, "ms", "-"));
            figures.add(new Figure("memory.lab.kernel_drops", lab.captureStatistics().orElseThrow().kernelDrops(), "packets", "=0"));
            figures.addAll(StoreUse.figures("memory.lab", after.events));
            // What each new event adds, apart from what each connection took once (its rows' first blocks).
            figures.add(new Figure("memory.lab.store_disk_per_new_event",
                    (after.disk - before.disk) / (double) (after.events - before.events), "B", "-"));
            figures.forEach(System.out::println);
        }
    }

    /** The live heap, the resident set and the store's disk at one moment. */
    private record Sample(long nanos, long events, long heap, long anon, long file, long disk) {
        static Sample take(Lab lab) throws Exception {
            long heap = MemoryProbe.liveHeap();
            return new Sample(System.nanoTime(), lab.timeline().size(), heap, MemoryProbe.status("RssAnon"),
                    MemoryProbe.status("RssFile"), StoreUse.diskBytes());
        }
    }

    /** The window's reads: a view model pulled every frame; at the end, frames laid out and timed. */
    private static final class Window implements Runnable {
        private final Lab lab;
        final AtomicBoolean stop = new AtomicBoolean();
        volatile long layoutP50;

        Window(Lab lab) {
            this.lab = lab;
        }

        @Override
        public void run() {
            var model = new TimelineModel(lab.timeline());
            var pass = new LayoutPass();
            while (!stop.get()) {
                model.pull();
                pass.run(model, DrawBench.WIDTH, DrawBench.HEIGHT, 0, Math.max(0, model.lastT() - 60_000_000_000L), model.lastT());
                sleep();
            }
            long[] layout = new long[PASSES];
            long t1 = model.lastT();
            long t0 = model.firstT();
            for (int i = 0; i < PASSES; i++) {
                long nudge = i % 2 * ((t1 - t0) / 1000);
                layout[i] = pass.run(model, DrawBench.WIDTH, DrawBench.HEIGHT, 47, t0 + nudge, t1 + nudge);
            }
            layoutP50 = DrawBench.percentile(layout, 50);
        }

        private static void sleep() {
            try {
                Thread.sleep(FRAME_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static List<String> args(int seconds, int connections) {
        return List.of(String.valueOf(seconds), String.valueOf(connections));
    }
}
