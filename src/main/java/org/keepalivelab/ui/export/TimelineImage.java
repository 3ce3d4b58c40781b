package org.keepalivelab.ui.export;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.text.TextAlignment;
import org.keepalivelab.lab.ConnectionStatus;
import org.keepalivelab.lab.LabSettings;
import org.keepalivelab.ui.settings.KernelDefaults;
import org.keepalivelab.ui.settings.SettingsText;
import org.keepalivelab.ui.theme.Theme;
import org.keepalivelab.ui.timeline.LaneGeometry;
import org.keepalivelab.ui.timeline.LegendPainter;
import org.keepalivelab.ui.timeline.PaletteRole;
import org.keepalivelab.ui.timeline.PixelClip;
import org.keepalivelab.ui.timeline.RenderFrame;
import org.keepalivelab.ui.timeline.TimeAxis;
import org.keepalivelab.ui.timeline.TimelineFonts;
import org.keepalivelab.ui.timeline.TimelineModel;
import org.keepalivelab.ui.timeline.TimelinePalette;
import org.keepalivelab.ui.timeline.TimelineRenderer;

/**
 * The exported picture: a caption with the time range and the settings used, the timeline drawn by
 * the live view's renderer, and the legend, on an offscreen canvas of the requested size. Text scales
 * with the image, so 1920×1080 and 3840×2160 read alike. FX thread only.
 */
public final class TimelineImage {
    /** Logical size the layout is designed for; bigger images scale up. */
    private static final double DESIGN_WIDTH = 1400;
    private static final double DESIGN_HEIGHT = 800;
    private static final double MARGIN = 16;

    private TimelineImage() {
    }

    /**
     * What the picture says in words: its caption, and the settings in the caption and the lane titles.
     *
     * @param rangeName   how the caption names the range ("whole lab", "visible range")
     * @param modeNote    what the lab could not see (its limited mode's banner), shown under the title so
     *                    the picture is not read as the whole truth; null for none
     * @param connections the lab's connections, for their settings; may be empty
     * @param defaults    what a setting of 0 stands for; loaded by the caller, as loading may read /proc
     */
    public record Caption(String rangeName, String modeNote, List<ConnectionStatus> connections,
                          KernelDefaults defaults) {
    }

    /** Where a picture of the whole lab starts: at the lab's start, or at its first event if earlier. */
    public static long wholeLabStart(TimelineModel model) {
        return Math.min(0, model.firstT());
    }

    /**
     * Where a picture of the whole lab from {@code start} ends: a twelfth past the last event, so the
     * last marks are not on the edge, and at least 1 s after {@code start}.
     */
    public static long wholeLabEnd(TimelineModel model, long start) {
        return Math.max(start + 1_000_000_000L, model.lastT() + model.lastT() / 12);
    }

    /** Renders {@code from..to} of {@code model} at {@code width}×{@code height} pixels, captioned. */
    public static WritableImage render(TimelineModel model, long from, long to, int width, int height, Theme theme,
                                       Caption caption) {
        double scale = Math.max(0.5, Math.min(width / DESIGN_WIDTH, height / DESIGN_HEIGHT));
        double w = width / scale;
        double h = height / scale;
        var palette = TimelinePalette.of(theme);
        var canvas = new Canvas(width, height);
        var gc = canvas.getGraphicsContext2D();
        gc.scale(scale, scale);
        gc.setFill(palette.get(PaletteRole.BACKGROUND));
        gc.fillRect(0, 0, w, h);

        double captionHeight = caption(gc, palette, w, from, to, caption, model);
        double legendHeight = LegendPainter.height(w - 2 * MARGIN);
        double timelineTop = captionHeight;
        double timelineHeight = Math.max(LaneGeometry.AXIS_HEIGHT + 40, h - captionHeight - legendHeight - 2 * MARGIN);

        gc.save();
        gc.translate(0, timelineTop);
        new PixelClip().clip(gc, 0, 0, w, timelineHeight);
        var geo = new LaneGeometry(w, timelineHeight, 0);
        var frame = new RenderFrame(from, Math.max(to, from + 1), model.lastT(), false, 0, 0,
                SettingsText.laneTitles(caption::connections, caption.defaults()), null);
        new TimelineRenderer().draw(gc, geo, model, frame, palette);
        int shown = (int) Math.floor((timelineHeight - LaneGeometry.AXIS_HEIGHT) / LaneGeometry.LANE_HEIGHT);
        int hidden = model.lanes().size() - Math.max(0, shown);
        gc.restore();
        if (hidden > 0) {
            gc.setFont(TimelineFonts.CAPTION_NOTE);
            gc.setFill(palette.get(PaletteRole.MUTED));
            gc.setTextAlign(TextAlignment.RIGHT);
            gc.fillText("+ " + hidden + " more connection" + (hidden == 1 ? "" : "s") + " not shown",
                    w - MARGIN, timelineTop + timelineHeight - 6);
        }
        double legendTop = h - legendHeight - MARGIN;
        gc.setStroke(palette.get(PaletteRole.GRID));
        gc.setLineWidth(1);
        gc.strokeLine(MARGIN, legendTop - MARGIN / 2, w - MARGIN, legendTop - MARGIN / 2);
        LegendPainter.draw(gc, MARGIN, legendTop, w - 2 * MARGIN, palette);

        var params = new SnapshotParameters();
        params.setFill(palette.get(PaletteRole.BACKGROUND));
        return canvas.snapshot(params, new WritableImage(width, height));
    }

    private static double caption(GraphicsContext gc, TimelinePalette palette, double w, long from, long to,
                                  Caption caption, TimelineModel model) {
        gc.setTextBaseline(VPos.BASELINE);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setFill(palette.get(PaletteRole.TEXT));
        gc.setFont(TimelineFonts.CAPTION_TITLE);
        double y = MARGIN + 18;
        gc.fillText("Keepalive Lab · TCP timeline", MARGIN, y);
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setFont(TimelineFonts.CAPTION_RANGE);
        gc.setFill(palette.get(PaletteRole.MUTED));
        gc.fillText(TimeAxis.duration(from) + " – " + TimeAxis.duration(to) + " (" + caption.rangeName() + ") · "
                + model.segmentCount() + " segments · " + model.lanes().size() + " connection"
                + (model.lanes().size() == 1 ? "" : "s"), w - MARGIN, y);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setFont(TimelineFonts.CAPTION);
        if (caption.modeNote() != null) {
            y += 18;
            gc.setFill(palette.get(PaletteRole.ERROR));
            gc.fillText(caption.modeNote(), MARGIN, y);
        }
        gc.setFill(palette.get(PaletteRole.TEXT));
        for (var line : settingsLines(caption.connections(), caption.defaults())) {
            y += 18;
            gc.fillText(line, MARGIN, y);
        }
        return y + 12;
    }

    /** One line per distinct group of settings, at most four. */
    private static List<String> settingsLines(List<ConnectionStatus> connections, KernelDefaults defaults) {
        var lines = new ArrayList<String>();
        if (connections.isEmpty()) {
            return lines;
        }
        int start = 0;
        for (int i = 1; i <= connections.size(); i++) {
            if (i == connections.size() || !connections.get(i).settings().equals(connections.get(start).settings())) {
                LabSettings s = connections.get(start).settings();
                int a = connections.get(start).conn();
                int b = connections.get(i - 1).conn();
                String who = a == b ? "Connection " + a : "Connections " + a + "–" + b;
                if (lines.size() == 3 && i < connections.size()) {
                    lines.add("… and more connections with other settings");
                    break;
                }
                lines.add(who + ": " + SettingsText.full(s, defaults));
                start = i;
            }
        }
        return lines;
    }
}
