package org.keepalivelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keepalivelab.ui.Fx.onFx;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.keepalivelab.explain.AppFinding;
import org.keepalivelab.explain.Basis;
import org.keepalivelab.explain.Detection;
import org.keepalivelab.explain.Explanation;
import org.keepalivelab.explain.Fault;
import org.keepalivelab.explain.Sentence;
import org.keepalivelab.explain.Story;
import org.keepalivelab.linux.KernelSettings;
import org.keepalivelab.model.Action;
import org.keepalivelab.model.ActionEvent;
import org.keepalivelab.model.AppEvent;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.StateEvent;
import org.keepalivelab.model.TcpState;
import org.keepalivelab.model.Timeline;
import org.keepalivelab.ui.export.PngExport;
import org.keepalivelab.ui.export.PngToolkit;
import org.keepalivelab.ui.export.TimelineImage;
import org.keepalivelab.ui.settings.KernelDefaults;
import org.keepalivelab.ui.theme.Theme;
import org.keepalivelab.ui.timeline.LaneGeometry;
import org.keepalivelab.ui.timeline.PaletteRole;
import org.keepalivelab.ui.timeline.TimelineModel;
import org.keepalivelab.ui.timeline.TimelinePalette;

/**
 * An exported picture explains itself: its connections' stories are written under the timeline, the
 * picture as tall as its lanes, stories and legend need (no empty band), their detections bracketed on
 * the lanes and summarised at the head of their story.
 */
@ResourceLock("javafx-toolkit")
class PngStoryTest {
    private static final long S = 1_000_000_000L;
    private static final int WIDTH = 1400;
    private static final int HEIGHT = 800;
    private static final Fault KILL = new Fault(new Action.Kill(Side.CLIENT), Optional.of(Side.CLIENT), 2 * S);

    @BeforeAll
    static void toolkit() {
        PngToolkit.startHeadless();
    }

    @Test
    void theStoryIsWrittenUnderTheTimelineAndThePictureGrowsByIt() {
        var sentences = List.of(
                new Sentence("The kill looks like a graceful close on the wire: the client's kernel sent FIN.",
                        OptionalLong.of(2 * S), Basis.MEASURED),
                new Sentence("The read-once server never reads, so its socket stays in CLOSE_WAIT and keeps probing; "
                        + "this sentence is long enough to wrap ".repeat(6), OptionalLong.empty(), Basis.MEASURED),
                new Sentence("The server's kernel will send its next probe in 1.0 s.", OptionalLong.of(9 * S),
                        Basis.PREDICTED));
        var story = new Explanation(List.of(), new Story(1, sentences));

        var plain = picture(List.of());
        var told = picture(List.of(story));

        // One lane needs far less than the height asked: the picture is as tall as its content.
        assertTrue(plain.getHeight() < HEIGHT / 2, "without a story, caption, lane and legend: " + plain.getHeight());
        assertEquals(WIDTH, told.getWidth());
        assertTrue(told.getHeight() > plain.getHeight() + 6 * 19, "taller by the story's lines: " + told.getHeight());
        int first = firstRowThatDiffers(plain, told);
        int grown = told.getHeight() - plain.getHeight();
        int text = colourPixels(told, first, first + grown, palette().get(PaletteRole.TEXT));
        int predicted = colourPixels(told, first, first + grown, palette().get(PaletteRole.DETECTION));
        assertTrue(first > LaneGeometry.contentHeight(1), "the timeline above is drawn as before, to row " + first);
        for (var picture : List.of(plain, told)) {
            assertTrue(PngExportTest.longestBlankRun(picture) < 40, "no empty band between the lane, the story and "
                    + "the legend: " + PngExportTest.longestBlankRun(picture) + " blank rows");
        }
        assertTrue(text > 500, "the story's words are drawn: " + text + " text pixels");
        assertTrue(predicted > 200, "the predicted sentence in its own colour: " + predicted + " pixels");
        assertEquals(0, colourPixels(plain, 0, plain.getHeight(), palette().get(PaletteRole.DETECTION)),
                "nothing of that colour without a story");
    }

    @Test
    void theDetectionsAreBracketedOnTheirLaneAndSummarisedUnderIt() {
        var eof = new Detection(1, Side.SERVER, KILL, Optional.empty(),
                Optional.of(new AppFinding(8 * S, AppEventType.EOF, null)), Basis.MEASURED);
        var plain = picture(List.of());
        var bracketed = picture(List.of(new Explanation(List.of(eof), new Story(1, List.of()))));
        int first = firstRowThatDiffers(plain, bracketed);
        var colour = palette().get(PaletteRole.DETECTION);
        // Where a story starts: where a picture with one differs from the plain one (whose legend starts there).
        var sentence = new Sentence("The client was killed.", OptionalLong.of(2 * S), Basis.MEASURED);
        int storyTop = firstRowThatDiffers(plain, picture(List.of(new Explanation(List.of(), new Story(1, List.of(sentence))))));

        assertTrue(first < storyTop, "the bracket is on the lane, from row " + first);
        assertTrue(colourPixels(bracketed, 0, storyTop, colour) > 300, "the bracket and its words in the detection's colour");
        // The story's title and "server learned after 6.00 s: EOF": two lines more, the second in that colour.
        assertTrue(bracketed.getHeight() > plain.getHeight() + 2 * 19, "the summary under the lane: " + bracketed.getHeight());
        assertTrue(colourPixels(bracketed, storyTop, bracketed.getHeight(), colour) > 150,
                "the detection's words in its colour under the lane");
    }

    /** The picture of a killed client's connection, 10 s of it, with {@code explained}. */
    private static BufferedImage picture(List<Explanation> explained) {
        var timeline = new Timeline();
        timeline.append(new ActionEvent(0, 1, new Action.Connect(OptionalInt.empty())));
        timeline.append(new StateEvent(S / 10, 1, Side.SERVER, TcpState.ESTABLISHED, 0, false));
        timeline.append(new ActionEvent(KILL.t(), 1, KILL.action().orElseThrow()));
        timeline.append(new AppEvent(8 * S, 1, Side.SERVER, AppEventType.EOF, 0, null));
        return onFx(() -> {
            var model = new TimelineModel(timeline);
            model.pull();
            var caption = new TimelineImage.Caption("whole lab", null, List.of(), KernelDefaults.of(KernelSettings.read()), explained);
            var picture = TimelineImage.draw(model, TimelineImage.allLanes(model, 0, 10 * S), WIDTH, HEIGHT, Theme.LIGHT,
                    caption);
            return PngExport.opaque(picture.image());
        });
    }

    private static TimelinePalette palette() {
        return onFx(() -> TimelinePalette.of(Theme.LIGHT));
    }

    private static int firstRowThatDiffers(BufferedImage a, BufferedImage b) {
        for (int y = 0; y < Math.min(a.getHeight(), b.getHeight()); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return y;
                }
            }
        }
        return Math.min(a.getHeight(), b.getHeight());
    }

    /** Pixels of rows {@code from..to} within a small distance of {@code colour} (text is antialiased). */
    private static int colourPixels(BufferedImage image, int from, int to, Color colour) {
        int n = 0;
        for (int y = Math.max(0, from); y < Math.min(to, image.getHeight()); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                double dr = ((rgb >> 16) & 0xff) / 255.0 - colour.getRed();
                double dg = ((rgb >> 8) & 0xff) / 255.0 - colour.getGreen();
                double db = (rgb & 0xff) / 255.0 - colour.getBlue();
                n += dr * dr + dg * dg + db * db < 0.01 ? 1 : 0;
            }
        }
        return n;
    }
}
