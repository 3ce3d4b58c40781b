package org.keepalivelab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keepalivelab.ui.Fx.onFx;

import java.util.List;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.SegmentEvent;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.TcpFlags;
import org.keepalivelab.model.Timeline;
import org.keepalivelab.ui.export.PngToolkit;
import org.keepalivelab.ui.export.TimelineImage;
import org.keepalivelab.ui.settings.KernelDefaults;
import org.keepalivelab.ui.theme.Theme;
import org.keepalivelab.ui.timeline.PaletteRole;
import org.keepalivelab.ui.timeline.TimelineModel;
import org.keepalivelab.ui.timeline.TimelinePalette;

/** The renderer's merged marks: a column keeps what any of its segments says. */
// The JavaFX toolkit is one per JVM: window tests take turns, lab tests run beside them.
@ResourceLock("javafx-toolkit")
class TimelineRendererTest {
    private static final long S = 1_000_000_000L;

    @BeforeAll
    static void toolkit() {
        PngToolkit.startHeadless();
    }

    @Test
    void aColumnWithADroppedSegmentIsCrossedOutEvenWhenItsDrawnMarkArrived() {
        // The legend shows the dropped colour too: compare with the same picture, nothing dropped.
        assertTrue(droppedPixels(true) > droppedPixels(false),
                "the FIN drawn for the column arrived, the ACK merged into it was dropped");
    }

    /** Pixels in the dropped colour in a picture of a FIN and, a microsecond later, an ACK. */
    private static long droppedPixels(boolean ackDropped) {
        var timeline = new Timeline();
        timeline.append(new SegmentEvent(5 * S, 1, Direction.C2S, TcpFlags.FIN | TcpFlags.ACK, 1000, 2000, 0, 512,
                SegmentKind.FIN, false));
        timeline.append(new SegmentEvent(5 * S + 1_000, 1, Direction.C2S, TcpFlags.ACK, 1001, 2000, 0, 512,
                SegmentKind.ACK, ackDropped));
        var model = new TimelineModel(timeline);
        model.pull();
        return onFx(() -> {
            var caption = new TimelineImage.Caption("test", null, List.of(), new KernelDefaults(9, 60));
            Image image = TimelineImage.render(model, 0, 10 * S, 1400, 800, Theme.LIGHT, caption);
            var dropped = TimelinePalette.of(Theme.LIGHT).get(PaletteRole.DROPPED);
            var pixels = image.getPixelReader();
            long count = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    count += near(pixels.getColor(x, y), dropped) ? 1 : 0;
                }
            }
            return count;
        });
    }

    private static boolean near(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen())
                + Math.abs(a.getBlue() - b.getBlue()) < 0.05;
    }
}
