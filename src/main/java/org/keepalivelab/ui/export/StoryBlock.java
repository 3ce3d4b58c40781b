package org.keepalivelab.ui.export;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.keepalivelab.explain.Basis;
import org.keepalivelab.explain.Explanation;
import org.keepalivelab.ui.timeline.PaletteRole;
import org.keepalivelab.ui.timeline.TimelineFonts;
import org.keepalivelab.ui.timeline.TimelinePalette;

/**
 * The stories under an exported timeline, so the picture explains itself: per connection with a story,
 * its number, then its sentences, each wrapped to the picture's width, a predicted one marked so (in
 * words, not only in colour). Measured before the picture is drawn: the picture grows by its height.
 * FX thread (it measures with a {@link Text}).
 */
final class StoryBlock {
    static final String PREDICTED = "Predicted: ";
    private static final double LINE_HEIGHT = 17;
    private static final double HEADING_GAP = 6;
    private static final double STORY_GAP = 10;

    /** One line of the block: its words, whether it heads a story, whether it is part of a prediction. */
    private record Line(String text, boolean heading, boolean predicted) {
    }

    private final List<Line> lines = new ArrayList<>();
    private final double height;

    /** The stories of {@code explanations} with any sentence, wrapped to {@code width}. */
    StoryBlock(List<Explanation> explanations, double width) {
        var measure = new Text();
        double h = 0;
        for (var explanation : explanations) {
            var story = explanation.story();
            if (story.sentences().isEmpty()) {
                continue;
            }
            h += lines.isEmpty() ? 0 : STORY_GAP;
            lines.add(new Line("Connection " + story.conn() + ": what happened", true, false));
            h += LINE_HEIGHT + HEADING_GAP;
            for (var sentence : story.sentences()) {
                boolean predicted = sentence.basis() == Basis.PREDICTED;
                for (var line : wrap(measure, (predicted ? PREDICTED : "") + sentence.text(), TimelineFonts.CAPTION, width)) {
                    lines.add(new Line(line, false, predicted));
                    h += LINE_HEIGHT;
                }
            }
        }
        this.height = h;
    }

    /** Its height; 0 for no story at all. */
    double height() {
        return height;
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    /** Draws it with its top-left at {@code x}, {@code top}. */
    void draw(GraphicsContext gc, TimelinePalette palette, double x, double top) {
        gc.setTextBaseline(VPos.BASELINE);
        gc.setTextAlign(TextAlignment.LEFT);
        double y = top;
        boolean first = true;
        for (var line : lines) {
            if (line.heading()) {
                y += first ? 0 : STORY_GAP;
                first = false;
                gc.setFont(TimelineFonts.CAPTION_NOTE);
                gc.setFill(palette.get(PaletteRole.TEXT));
                gc.fillText(line.text(), x, y + LINE_HEIGHT - 4);
                y += LINE_HEIGHT + HEADING_GAP;
                continue;
            }
            gc.setFont(TimelineFonts.CAPTION);
            gc.setFill(palette.get(line.predicted() ? PaletteRole.DETECTION : PaletteRole.TEXT));
            gc.fillText(line.text(), x, y + LINE_HEIGHT - 4);
            y += LINE_HEIGHT;
        }
    }

    /** {@code text} broken at spaces into lines no wider than {@code width} in {@code font} (a longer word alone). */
    static List<String> wrap(Text measure, String text, Font font, double width) {
        measure.setFont(font);
        var out = new ArrayList<String>();
        var line = new StringBuilder();
        for (var word : text.split(" ")) {
            String tried = line.isEmpty() ? word : line + " " + word;
            measure.setText(tried);
            if (measure.getLayoutBounds().getWidth() <= width || line.isEmpty()) {
                line.setLength(0);
                line.append(tried);
            } else {
                out.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        if (!line.isEmpty()) {
            out.add(line.toString());
        }
        return out;
    }
}
