package org.keepalivelab.ui.timeline;

import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * The timeline's fonts, in one place: the renderer draws with them, the hit test and the layout
 * measure with them, the legend and the PNG export's caption write with them.
 */
public final class TimelineFonts {
    public static final String FAMILY = Font.getDefault().getFamily();

    /** Band, byte and tick labels, the applications' events, row names, lane titles. */
    static final Font LABEL = Font.font(FAMILY, 11);
    /** What matters more: side names, the user's actions, the applications' outcomes, "now". */
    static final Font STRONG = Font.font(FAMILY, FontWeight.BOLD, 11.5);
    /** Lane numbers and the empty timeline's message. */
    static final Font TITLE = Font.font(FAMILY, FontWeight.BOLD, 12.5);
    /** The legend's words. */
    static final Font LEGEND = Font.font(FAMILY, 11.5);

    /** The PNG export's title. */
    public static final Font CAPTION_TITLE = Font.font(FAMILY, FontWeight.BOLD, 18);
    /** The PNG export's range and counts, beside its title. */
    public static final Font CAPTION_RANGE = Font.font(FAMILY, 13);
    /** The PNG export's settings lines and its lab's mode. */
    public static final Font CAPTION = Font.font(FAMILY, 12.5);
    /** The PNG export's note of lanes that did not fit. */
    public static final Font CAPTION_NOTE = Font.font(FAMILY, FontWeight.BOLD, 12);

    private TimelineFonts() {
    }

    /** A text's width in {@code font}, estimated (no layout per frame): good enough to keep labels apart. */
    static double width(String text, Font font) {
        return text.length() * font.getSize() * 0.6;
    }
}
