package org.keepalivelab.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.keepalivelab.linux.KernelSettings;
import org.keepalivelab.model.Timeline;
import org.keepalivelab.ui.export.PngExport;
import org.keepalivelab.ui.export.PngToolkit;
import org.keepalivelab.ui.export.TimelineImage;
import org.keepalivelab.ui.settings.KernelDefaults;
import org.keepalivelab.ui.theme.Theme;
import org.keepalivelab.ui.timeline.TimelineModel;

/**
 * The PNG export of the whole lab at 3840×2160 through {@link PngExport#write} (what Export PNG and
 * the command line do): from a plain thread, timed end to end, file written. Then, as context, the
 * same work in its stages: pull into a view model, draw and rasterise, convert, encode and write.
 */
final class PngBench {
    static final int WIDTH = 3840;
    static final int HEIGHT = 2160;
    private static final int RUNS = 5;

    private PngBench() {
    }

    static List<Figure> run(Timeline timeline, Path work) throws Exception {
        PngToolkit.startHeadless();
        var figures = new ArrayList<Figure>();
        Path file = work.resolve("timeline-3840.png");
        long[] times = new long[RUNS];
        for (int i = -1; i < RUNS; i++) {
            long start = System.nanoTime();
            PngExport.write(timeline, List.of(), WIDTH, HEIGHT, file);
            long took = System.nanoTime() - start;
            if (i < 0) {
                figures.add(new Figure("png.export_3840x2160.first", took / 1e6, "ms", "-"));
            } else {
                times[i] = took;
            }
        }
        figures.add(new Figure("png.export_3840x2160.p50", DrawBench.percentile(times, 50) / 1e6, "ms", "<=1000"));
        figures.add(new Figure("png.export_3840x2160.max", DrawBench.percentile(times, 100) / 1e6, "ms", "<=1000"));
        figures.add(new Figure("png.file_size", Files.size(file) / 1e6, "MB", "-"));

        // stages, as context (one run)
        long t0 = System.nanoTime();
        var model = DrawBench.onFx(() -> {
            var m = new TimelineModel(timeline);
            m.pull();
            return m;
        });
        long t1 = System.nanoTime();
        long start = TimelineImage.wholeLabStart(model);
        long end = TimelineImage.wholeLabEnd(model, start);
        var caption = new TimelineImage.Caption("whole lab", null, List.of(), KernelDefaults.of(KernelSettings.read()));
        var fx = DrawBench.onFx(() -> TimelineImage.render(model, start, end, WIDTH, HEIGHT, Theme.LIGHT, caption));
        long t2 = System.nanoTime();
        var image = DrawBench.onFx(() -> PngExport.opaque(fx));
        long t3 = System.nanoTime();
        PngExport.writeImage(image, file);
        long t4 = System.nanoTime();
        figures.add(new Figure("png.stage.pull", (t1 - t0) / 1e6, "ms", "-"));
        figures.add(new Figure("png.stage.render", (t2 - t1) / 1e6, "ms", "-"));
        figures.add(new Figure("png.stage.to_buffered_image", (t3 - t2) / 1e6, "ms", "-"));
        figures.add(new Figure("png.stage.encode_and_write", (t4 - t3) / 1e6, "ms", "-"));
        return figures;
    }
}
