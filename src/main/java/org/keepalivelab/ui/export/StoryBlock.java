package org.keepalivelab.ui.export;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.keepalivelab.explain.Basis;
import org.keepalivelab.explain.Detection;
import org.keepalivelab.explain.Explanation;
import org.keepalivelab.ui.timeline.DetectionWords;
import org.keepalivelab.ui.timeline.PaletteRole;
import org.keepalivelab.ui.timeline.TimelineFonts;
import org.keepalivelab.ui.timeline.TimelinePalette;

/**
 * The stories under an exported timeline, so the picture explains itself: one paragraph per connection
 * with a story, titled with its number (and label), its detections first, as its brackets word them
 * ("server learned after 6.06 s: EOF"), then its sentences, each on a line of its own and wrapped with
 * a hanging indent, a predicted one marked so (in words, not only in colour). Paragraphs sit side by
 * side in columns of a readable measure (a line of a full-width 1920 px picture would run to 200
 * characters), row after row. Measured before the picture is drawn: the picture makes room for its
 * height. FX thread (it measures with a {@link Text}).
 */
final class StoryBlock {
    static final String PREDICTED = "Predicted: ";
    /** The stories' type: a size larger than the caption's, as it is read rather than glanced at. */
    private static final Font TEXT = Font.font(TimelineFonts.FAMILY, 13.5);
    private static final Font DETECTION = Font.font(TimelineFonts.FAMILY, FontWeight.BOLD, 13.5);
    private static final Font TITLE = Font.font(TimelineFonts.FAMILY, FontWeight.BOLD, 15);
    private static final double LINE_HEIGHT = 19;
    private static final double TITLE_HEIGHT = 24;
    /** A sentence's further lines start this far in, so where each sentence starts shows. */
    private static final double INDENT = 14;
    /** Columns are at least this wide (about 60 characters), with this gap between them. */
    private static final double MIN_COLUMN = 420;
    private static final double COLUMN_GAP = 32;
    private static final double ROW_GAP = 16;

    private enum Kind {
        TITLE, DETECTION, TOLD, PREDICTED
    }

    /** One line of a paragraph: its words, what it is, whether it continues the sentence above. */
    private record Line(String text, Kind kind, boolean continued) {
        double height() {
            return kind == Kind.TITLE ? TITLE_HEIGHT : LINE_HEIGHT;
        }
    }

    private final List<List<Line>> paragraphs = new ArrayList<>();
    private final int columns;
    private final double columnWidth;
    private final double height;

    /**
     * The stories of {@code explanations} with a detection or a sentence, in columns across {@code width}.
     *
     * @param titles a connection's title by its number ("Connection 2 · slow-reader")
     */
    StoryBlock(List<Explanation> explanations, IntFunction<String> titles, double width) {
        int told = (int) explanations.stream()
                .filter(e -> !e.detections().isEmpty() || !e.story().sentences().isEmpty()).count();
        columns = Math.clamp((long) Math.floor((width + COLUMN_GAP) / (MIN_COLUMN + COLUMN_GAP)), 1, Math.max(1, told));
        columnWidth = (width - (columns - 1) * COLUMN_GAP) / columns;
        var measure = new Text();
        for (var explanation : explanations) {
            var story = explanation.story();
            if (explanation.detections().isEmpty() && story.sentences().isEmpty()) {
                continue;
            }
            var lines = new ArrayList<Line>();
            lines.add(new Line(titles.apply(story.conn()), Kind.TITLE, false));
            // Client first, as the lane draws its rows.
            for (var detection : explanation.detections().stream().sorted(Comparator.comparing(Detection::side)).toList()) {
                add(lines, measure, DetectionWords.label(detection), Kind.DETECTION);
            }
            for (var sentence : story.sentences()) {
                boolean predicted = sentence.basis() == Basis.PREDICTED;
                add(lines, measure, (predicted ? PREDICTED : "") + sentence.text(), predicted ? Kind.PREDICTED : Kind.TOLD);
            }
            paragraphs.add(lines);
        }
        double h = 0;
        for (int row = 0; row * columns < paragraphs.size(); row++) {
            h += (row == 0 ? 0 : ROW_GAP) + rowHeight(row);
        }
        this.height = h;
    }

    private void add(List<Line> lines, Text measure, String text, Kind kind) {
        var font = kind == Kind.DETECTION ? DETECTION : TEXT;
        boolean continued = false;
        for (var line : wrap(measure, text, font, columnWidth - INDENT)) {
            lines.add(new Line(line, kind, continued));
            continued = true;
        }
    }

    private double rowHeight(int row) {
        double h = 0;
        for (int i = row * columns; i < Math.min(paragraphs.size(), (row + 1) * columns); i++) {
            h = Math.max(h, paragraphs.get(i).stream().mapToDouble(Line::height).sum());
        }
        return h;
    }

    /** Its height; 0 for no story at all. */
    double height() {
        return height;
    }

    boolean isEmpty() {
        return paragraphs.isEmpty();
    }

    /** Draws it with its top-left at {@code x}, {@code top}. */
    void draw(GraphicsContext gc, TimelinePalette palette, double x, double top) {
        gc.setTextBaseline(VPos.BASELINE);
        gc.setTextAlign(TextAlignment.LEFT);
        double rowTop = top;
        for (int row = 0; row * columns < paragraphs.size(); row++) {
            for (int col = 0; col < columns && row * columns + col < paragraphs.size(); col++) {
                double y = rowTop;
                double left = x + col * (columnWidth + COLUMN_GAP);
                for (var line : paragraphs.get(row * columns + col)) {
                    gc.setFont(switch (line.kind()) {
                        case TITLE -> TITLE;
                        case DETECTION -> DETECTION;
                        case TOLD, PREDICTED -> TEXT;
                    });
                    gc.setFill(palette.get(line.kind() == Kind.TITLE || line.kind() == Kind.TOLD
                            ? PaletteRole.TEXT : PaletteRole.DETECTION));
                    gc.fillText(line.text(), left + (line.continued() ? INDENT : 0), y + line.height() - 5);
                    y += line.height();
                }
            }
            rowTop += rowHeight(row) + ROW_GAP;
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
