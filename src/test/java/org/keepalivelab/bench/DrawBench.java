package org.keepalivelab.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import org.keepalivelab.model.Timeline;
import org.keepalivelab.ui.export.PngToolkit;
import org.keepalivelab.ui.theme.Theme;
import org.keepalivelab.ui.timeline.LaneGeometry;
import org.keepalivelab.ui.timeline.TimelineModel;
import org.keepalivelab.ui.timeline.TimelinePalette;
import org.keepalivelab.ui.timeline.TimelineView;

/**
 * One frame of the live timeline with N connections and M events, on the software pipeline (JavaFX's
 * Headless platform, {@code prism.order=sw}): the real {@link TimelineView} in a 1440×900 scene (the
 * window's default size, so a larger canvas than the window really gives the timeline), each frame
 * moved a little (as a drag does) so it redraws, then rasterised by a snapshot of its canvas into a
 * reused image. A frame's time is {@code view.frame(now)} plus that snapshot; nothing is subtracted.
 * Frames are timed in steady state, after a warm-up ({@link #WARMUP}).
 * Also, as context: the first {@code pull()} of all events into the view model, made off the FX thread
 * as the window makes it for a capture it opened ({@code ui.capture.CaptureLoad}), the FX thread's
 * first frame of another model so pulled, after the timed frames (a new view, laid out, drawn and
 * rasterised: the window's part in opening a capture), and the model's heap per event.
 */
final class DrawBench {
    static final int WIDTH = 1440;
    static final int HEIGHT = 900;
    /**
     * Frames drawn before any is timed: the renderer's loops run hot only once C2 has compiled them,
     * which takes longer than a few hundred frames (after 200, compilation still ran during the timed
     * frames: p50 5.1 ms against 4.5 ms steady, p99 10–12 ms against 8).
     */
    private static final int WARMUP = 2000;
    private static final int FRAMES = 400;
    /** The lanes shown start at this connection: 50 is severed (dropped probes, RST, timeout). */
    private static final int FIRST_CONN = 48;

    private DrawBench() {
    }

    static List<Figure> run(Timeline timeline) throws Exception {
        PngToolkit.startHeadless();
        var figures = new ArrayList<Figure>();
        long before = usedAfterGc();
        var model = new TimelineModel(timeline);
        long start = System.nanoTime();
        model.pull(); // on this thread, as the window's on ui-import; the FX thread's from here on
        figures.add(new Figure("draw.first_pull", (System.nanoTime() - start) / 1e6, "ms", "-"));
        long after = usedAfterGc();
        figures.add(new Figure("draw.view_model_bytes_per_event", (after - before) / (double) timeline.size(), "B", "-"));
        figures.addAll(onFx(() -> frames(model)));
        var opened = new TimelineModel(timeline); // as a capture opened once the window runs warm
        opened.pull();
        figures.add(onFx(() -> firstFrame(opened)));
        return figures;
    }

    /**
     * The FX thread's first frame of a model pulled already, its code warm from the frames before: what
     * opening a capture costs it once the window runs.
     */
    private static Figure firstFrame(TimelineModel model) {
        long start = System.nanoTime();
        var view = new TimelineView(model, TimelinePalette.of(Theme.LIGHT));
        var scene = new Scene(view, WIDTH, HEIGHT);
        scene.getStylesheets().setAll(Theme.LIGHT.stylesheets());
        view.applyCss();
        view.layout();
        view.frame(model.lastT());
        view.showAll();
        view.frame(model.lastT());
        var canvas = (Canvas) view.getChildrenUnmodifiable().stream().filter(Canvas.class::isInstance)
                .findFirst().orElseThrow();
        canvas.snapshot(null, new WritableImage((int) canvas.getWidth(), (int) canvas.getHeight()));
        return new Figure("draw.first_frame_fx", (System.nanoTime() - start) / 1e6, "ms", "-");
    }

    private static List<Figure> frames(TimelineModel model) {
        var view = new TimelineView(model, TimelinePalette.of(Theme.LIGHT));
        view.setLaneTitle(conn -> "keepalive 1 s · interval 1 s · 9 probes"); // as the window titles lanes
        var scene = new Scene(view, WIDTH, HEIGHT);
        scene.getStylesheets().setAll(Theme.LIGHT.stylesheets());
        long now = model.lastT();
        view.frame(now);
        view.applyCss();
        view.layout();
        var canvas = (Canvas) view.getChildrenUnmodifiable().stream().filter(Canvas.class::isInstance)
                .findFirst().orElseThrow();
        for (int i = 0; i < (FIRST_CONN - 1) * 2; i++) {
            view.press(KeyCode.DOWN); // half a lane each
        }
        var image = new WritableImage((int) canvas.getWidth(), (int) canvas.getHeight());
        var figures = new ArrayList<Figure>();

        view.showAll();
        figures.addAll(measure("draw.zoomed_out", view, canvas, image, now));
        long middle = model.firstT() + (model.lastT() - model.firstT()) / 2;
        view.viewport().show(middle, middle + 5_000_000_000L);
        figures.addAll(measure("draw.zoomed_in_5s", view, canvas, image, now));
        figures.add(new Figure("draw.canvas_width", canvas.getWidth(), "px", "-"));
        figures.add(new Figure("draw.canvas_height", canvas.getHeight(), "px", "-"));
        figures.add(new Figure("draw.lanes_visible", Math.ceil(canvas.getHeight() / LaneGeometry.LANE_HEIGHT), "lanes", "-"));
        return figures;
    }

    private static List<Figure> measure(String name, TimelineView view, Canvas canvas, WritableImage image, long now) {
        long[] total = new long[FRAMES];
        long[] record = new long[FRAMES];
        long nudge = Math.max(1, view.viewport().span() / 400);
        for (int i = -WARMUP; i < FRAMES; i++) {
            view.viewport().pan(i % 2 == 0 ? nudge : -nudge, now); // a drag: the frame must redraw
            long start = System.nanoTime();
            view.frame(now);
            long drawn = System.nanoTime();
            canvas.snapshot(null, image); // rasterises the canvas's commands
            long end = System.nanoTime();
            if (i >= 0) {
                total[i] = end - start;
                record[i] = drawn - start;
            }
        }
        return List.of(
                new Figure(name + ".p50", percentile(total, 50) / 1e6, "ms", "<=8"),
                new Figure(name + ".p99", percentile(total, 99) / 1e6, "ms", "<=8"),
                new Figure(name + ".record_p50", percentile(record, 50) / 1e6, "ms", "-"));
    }

    /** Nearest-rank percentile. */
    static long percentile(long[] samples, double p) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static <T> T onFx(Callable<T> task) throws Exception {
        var result = new CompletableFuture<T>();
        Platform.runLater(() -> {
            try {
                result.complete(task.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(10, TimeUnit.MINUTES);
    }

    static long usedAfterGc() throws InterruptedException {
        var runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
