package org.keepalivelab.ui.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.text.TextAlignment;
import org.keepalivelab.explain.Explanation;
import org.keepalivelab.lab.ConnectionStatus;
import org.keepalivelab.lab.LabSettings;
import org.keepalivelab.ui.settings.KernelDefaults;
import org.keepalivelab.ui.settings.SettingsText;
import org.keepalivelab.ui.theme.Theme;
import org.keepalivelab.ui.timeline.LaneDetections;
import org.keepalivelab.ui.timeline.LaneGeometry;
import org.keepalivelab.ui.timeline.LegendPainter;
import org.keepalivelab.ui.timeline.PaletteRole;
import org.keepalivelab.ui.timeline.PixelClip;
import org.keepalivelab.ui.timeline.RenderFrame;
import org.keepalivelab.ui.timeline.TimelineFonts;
import org.keepalivelab.ui.timeline.TimelineModel;
import org.keepalivelab.ui.timeline.TimelinePalette;
import org.keepalivelab.ui.timeline.TimelineRenderer;
import org.keepalivelab.ui.timeline.VisibleWindow;

/**
 * The exported picture, top to bottom: a caption with the time range and the settings used, the
 * timeline drawn by the live view's renderer with the brackets of its detections (its lanes as tall as
 * they need, at most what the requested height leaves them), the stories of its connections, and the
 * legend, on an offscreen canvas of the requested width and the content's height: no empty band. Text
 * scales with the image, so 1920×1080 and 3840×2160 read alike. FX thread only.
 */
public final class TimelineImage {
    /** Logical size the layout is designed for; bigger images scale up. */
    private static final double DESIGN_WIDTH = 1400;
    private static final double DESIGN_HEIGHT = 800;
    private static final double MARGIN = 16;
    /** The caption's title line, each line under it, and the room under its last. */
    private static final double TITLE_LINE = 18;
    private static final double CAPTION_LINE = 18;
    private static final double CAPTION_GAP = 12;
    /** The line under the lanes that says which are drawn, where not all are. */
    private static final double NOTE_LINE = 20;

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
     * @param explained   the explanations of connections the picture shows: their detections are
     *                    bracketed, their stories written under the timeline; may be empty
     */
    public record Caption(String rangeName, String modeNote, List<ConnectionStatus> connections,
                          KernelDefaults defaults, List<Explanation> explained) {
        public Caption {
            explained = List.copyOf(explained);
        }

        /** A caption with no explanation. */
        public Caption(String rangeName, String modeNote, List<ConnectionStatus> connections, KernelDefaults defaults) {
            this(rangeName, modeNote, connections, defaults, List.of());
        }
    }

    /**
     * The most lanes a picture of {@code width}×{@code height} can show: what is worth explaining for it
     * (its caption takes some of that room, so it often shows fewer).
     */
    public static int lanesAtMost(int width, int height) {
        double h = height / scale(width, height);
        return Math.max(1, (int) Math.floor((h - LaneGeometry.AXIS_HEIGHT) / LaneGeometry.LANE_HEIGHT));
    }

    private static double scale(int width, int height) {
        return Math.max(0.5, Math.min(width / DESIGN_WIDTH, height / DESIGN_HEIGHT));
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

    /**
     * A picture and what it shows in words, for the file's {@code Description}: "TCP timeline: visible
     * range 6 min 42 s – 7 min 27 s, connections 20–23 of 30, light theme".
     */
    public record Picture(WritableImage image, String description) {
    }

    /** Every lane of {@code model} over {@code from..to}, none selected: what the whole lab or a chosen range shows. */
    public static VisibleWindow allLanes(TimelineModel model, long from, long to) {
        int lanes = model.lanes().size();
        return new VisibleWindow(from, to, lanes == 0 ? 0 : 1, lanes, 0);
    }

    /** Renders {@code from..to} of {@code model}, its lanes from the first, at {@code width}×{@code height} pixels, captioned. */
    public static WritableImage render(TimelineModel model, long from, long to, int width, int height, Theme theme,
                                       Caption caption) {
        return draw(model, allLanes(model, from, to), width, height, theme, caption).image();
    }

    /**
     * Draws {@code window} of {@code model} (its time range, its lanes from the first as many as fit, its
     * selected lane highlighted) {@code width} pixels wide, captioned; where it draws fewer lanes than the
     * model has, it says which ones of how many. {@code height} bounds the timeline: the caption, the
     * lanes and the legend fit in it, so it says how many lanes at most; the lanes take only the height
     * they need of it. The stories of the lanes drawn go under the lanes, then the legend: the picture is
     * as tall as that content, shorter than {@code height} for a few lanes, taller for long stories.
     */
    public static Picture draw(TimelineModel model, VisibleWindow window, int width, int height, Theme theme,
                               Caption caption) {
        long from = window.start();
        long to = window.end();
        double scale = scale(width, height);
        double w = width / scale;
        double h = height / scale;
        var captionLines = captionLines(caption);
        double captionHeight = MARGIN + TITLE_LINE + captionLines.size() * CAPTION_LINE + CAPTION_GAP;
        double legendHeight = LegendPainter.height(w - 2 * MARGIN);
        double room = Math.max(LaneGeometry.AXIS_HEIGHT + 40, h - captionHeight - legendHeight - 2 * MARGIN);

        int total = model.lanes().size();
        int wanted = window.firstConn() == 0 ? 0 : window.lastConn() - window.firstConn() + 1;
        int fit = Math.max(1, (int) Math.floor((room - LaneGeometry.AXIS_HEIGHT) / LaneGeometry.LANE_HEIGHT));
        int drawn = Math.min(wanted, fit);
        int firstIndex = Math.max(0, window.firstConn() - 1); // lane i is connection i + 1
        // An empty timeline gets a lane's room for its message.
        double lanesHeight = Math.min(room, LaneGeometry.contentHeight(Math.max(1, drawn)));
        String lanes = drawn == 0 ? "no connection yet"
                : ExportText.lanes(firstIndex + 1, firstIndex + drawn) + " of " + total;
        String note = drawn < wanted ? "Drawn: " + lanes + "; " + (wanted - drawn) + " more do not fit in the height asked for."
                : drawn < total ? "Drawn: " + lanes + "." : null;
        double timelineBottom = captionHeight + lanesHeight + (note == null ? 0 : NOTE_LINE);

        int last = firstIndex + drawn;
        var stories = new StoryBlock(caption.explained().stream()
                .filter(e -> e.story().conn() > firstIndex && e.story().conn() <= last).toList(),
                conn -> title(caption.connections(), conn), w - 2 * MARGIN);
        double storyTop = timelineBottom + MARGIN;
        double legendTop = (stories.isEmpty() ? timelineBottom : storyTop + stories.height()) + MARGIN;
        double contentHeight = legendTop + legendHeight + MARGIN;
        int fullHeight = (int) Math.ceil(contentHeight * scale);

        var palette = TimelinePalette.of(theme);
        var canvas = new Canvas(width, fullHeight);
        var gc = canvas.getGraphicsContext2D();
        gc.scale(scale, scale);
        gc.setFill(palette.get(PaletteRole.BACKGROUND));
        gc.fillRect(0, 0, w, contentHeight);
        caption(gc, palette, w, from, to, caption, model, captionLines);
        gc.save();
        gc.translate(0, captionHeight);
        timeline(gc, model, window, palette, caption, w, lanesHeight, drawn);
        gc.restore();
        if (note != null) {
            gc.setFont(TimelineFonts.CAPTION_NOTE);
            gc.setFill(palette.get(PaletteRole.MUTED));
            gc.setTextAlign(TextAlignment.LEFT);
            gc.fillText(note, LaneGeometry.GUTTER, captionHeight + lanesHeight + NOTE_LINE - 5);
        }
        if (!stories.isEmpty()) {
            separator(gc, palette, w, storyTop - MARGIN / 2);
            stories.draw(gc, palette, MARGIN, storyTop);
        }
        separator(gc, palette, w, legendTop - MARGIN / 2);
        LegendPainter.draw(gc, MARGIN, legendTop, w - 2 * MARGIN, palette);

        var params = new SnapshotParameters();
        params.setFill(palette.get(PaletteRole.BACKGROUND));
        var image = canvas.snapshot(params, new WritableImage(width, fullHeight));
        return new Picture(image, "TCP timeline: " + caption.rangeName() + " " + ExportText.range(from, to) + ", "
                + lanes + ", " + theme.label().toLowerCase(Locale.ROOT) + " theme");
    }

    private static void separator(GraphicsContext gc, TimelinePalette palette, double w, double y) {
        gc.setStroke(palette.get(PaletteRole.GRID));
        gc.setLineWidth(1);
        gc.strokeLine(MARGIN, y, w - MARGIN, y);
    }

    /** A story's title: "Connection 2", with the label it was opened with ("Connection 2 · slow-reader"). */
    private static String title(List<ConnectionStatus> connections, int conn) {
        return connections.stream().filter(c -> c.conn() == conn && !c.label().isBlank()).findFirst()
                .map(c -> "Connection " + conn + " · " + c.label()).orElse("Connection " + conn);
    }

    /** Draws {@code drawn} lanes of {@code window} from its first, {@code height} tall with the axis. */
    private static void timeline(GraphicsContext gc, TimelineModel model, VisibleWindow window,
                                 TimelinePalette palette, Caption caption, double w, double height, int drawn) {
        int firstIndex = Math.max(0, window.firstConn() - 1);
        gc.save();
        new PixelClip().clip(gc, 0, 0, w, height);
        var geo = LaneGeometry.ofLanes(w, height, firstIndex, drawn);
        long from = window.start();
        var frame = new RenderFrame(from, Math.max(window.end(), from + 1), model.lastT(), false, geo.scrollY(),
                window.selectedConn(), SettingsText.laneTitles(caption::connections, caption::defaults), null,
                LaneDetections.of(caption.explained()));
        new TimelineRenderer().draw(gc, geo, model, frame, palette);
        gc.restore();
    }

    /** The caption's lines under its title: the lab's mode (if limited), then the settings. */
    private static List<String> captionLines(Caption caption) {
        var lines = new ArrayList<String>();
        if (caption.modeNote() != null) {
            lines.add(caption.modeNote());
        }
        lines.addAll(settingsLines(caption.connections(), caption.defaults()));
        return lines;
    }

    private static void caption(GraphicsContext gc, TimelinePalette palette, double w, long from, long to,
                                Caption caption, TimelineModel model, List<String> lines) {
        gc.setTextBaseline(VPos.BASELINE);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setFill(palette.get(PaletteRole.TEXT));
        gc.setFont(TimelineFonts.CAPTION_TITLE);
        double y = MARGIN + TITLE_LINE;
        gc.fillText("Keepalive Lab · TCP timeline", MARGIN, y);
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setFont(TimelineFonts.CAPTION_RANGE);
        gc.setFill(palette.get(PaletteRole.MUTED));
        gc.fillText(ExportText.range(from, to) + " (" + caption.rangeName() + ") · "
                + model.segmentCount() + " segments · " + model.lanes().size() + " connection"
                + (model.lanes().size() == 1 ? "" : "s"), w - MARGIN, y);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setFont(TimelineFonts.CAPTION);
        for (int i = 0; i < lines.size(); i++) {
            y += CAPTION_LINE;
            gc.setFill(palette.get(i == 0 && caption.modeNote() != null ? PaletteRole.ERROR : PaletteRole.TEXT));
            gc.fillText(lines.get(i), MARGIN, y);
        }
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
