package org.keepalivelab.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keepalivelab.model.TcpState;
import org.keepalivelab.ui.export.PngToolkit;
import org.keepalivelab.ui.theme.Theme;

/**
 * Both themes meet WCAG 2.x contrast on the canvas: every state band, legend swatch and mark at least
 * 3:1 against each lane background (plain, alternate, selected) and the gutter and legend's
 * background, every text at least 4.5:1 against what it is written on (a band's label on its band).
 */
// The palette is read through JavaFX's CSS, one toolkit per JVM.
@ResourceLock("javafx-toolkit")
class PaletteContrastTest {
    private static final List<PaletteRole> LANES = List.of(PaletteRole.PLOT, PaletteRole.LANE_ALT,
            PaletteRole.LANE_SELECTED);
    /** Marks, and the lines drawn like marks: a sever's cross, the user's actions, the outcomes, now, brackets. */
    private static final List<PaletteRole> MARKS = List.of(PaletteRole.SYN, PaletteRole.DATA, PaletteRole.ACK,
            PaletteRole.FIN, PaletteRole.RST, PaletteRole.PROBE, PaletteRole.PROBE_ACK, PaletteRole.RETRANSMISSION,
            PaletteRole.ZERO_WINDOW, PaletteRole.WINDOW_UPDATE, PaletteRole.DROPPED, PaletteRole.ACTION,
            PaletteRole.EOF, PaletteRole.ERROR, PaletteRole.NOW, PaletteRole.DETECTION);
    /** Words written on the lanes: row-free labels, byte counts, actions, outcomes, detections' brackets. */
    private static final List<PaletteRole> LANE_TEXT = List.of(PaletteRole.TEXT, PaletteRole.MUTED, PaletteRole.ACTION,
            PaletteRole.EOF, PaletteRole.ERROR, PaletteRole.DETECTION);
    /**
     * Words written on the background: row names, lane numbers (the selected one in NOW), the axis, the
     * legend, an exported story's predicted sentences (DETECTION).
     */
    private static final List<PaletteRole> BACKGROUND_TEXT = List.of(PaletteRole.TEXT, PaletteRole.MUTED, PaletteRole.NOW,
            PaletteRole.DETECTION);

    @BeforeAll
    static void toolkit() {
        PngToolkit.startHeadless();
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void everyBandSwatchMarkAndTextStandsOutOfWhatItIsDrawnOn(Theme theme) throws Exception {
        var read = new CompletableFuture<TimelinePalette>();
        Platform.runLater(() -> read.complete(TimelinePalette.of(theme))); // CSS is applied on the FX thread
        var palette = read.get(10, TimeUnit.SECONDS);
        var failures = new ArrayList<String>();
        var backgrounds = new ArrayList<>(LANES);
        backgrounds.add(PaletteRole.BACKGROUND); // the legend's swatches and marks
        for (var bg : backgrounds) {
            for (var state : TcpState.values()) {
                check(failures, "band " + state, palette.state(state), bg.name(), palette.get(bg), 3);
            }
            for (var mark : MARKS) {
                check(failures, mark.name(), palette.get(mark), bg.name(), palette.get(bg), 3);
            }
        }
        for (var bg : LANES) {
            for (var text : LANE_TEXT) {
                check(failures, "text " + text, palette.get(text), bg.name(), palette.get(bg), 4.5);
            }
        }
        for (var text : BACKGROUND_TEXT) {
            check(failures, "text " + text, palette.get(text), "BACKGROUND", palette.get(PaletteRole.BACKGROUND), 4.5);
        }
        for (var state : TcpState.values()) {
            check(failures, "band label", palette.get(PaletteRole.STATE_TEXT), "band " + state, palette.state(state), 4.5);
        }
        assertTrue(failures.isEmpty(), theme + ": " + String.join("; ", failures));
    }

    private static void check(List<String> failures, String what, Color colour, String on, Color background,
                              double least) {
        double ratio = contrast(colour, background);
        if (ratio < least) {
            failures.add(String.format("%s %s on %s %s: %.2f:1, less than %.1f:1", what, colour, on, background, ratio, least));
        }
    }

    /** WCAG 2.x contrast ratio: (L1 + 0.05) / (L2 + 0.05), the lighter's relative luminance over the darker's. */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** WCAG 2.x relative luminance of an sRGB colour. */
    static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }
}
