package org.keepalivelab.ui.timeline;

import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import org.keepalivelab.model.TcpState;
import org.keepalivelab.ui.theme.Theme;

/**
 * The timeline's colours, read from a theme's stylesheet through invisible labels (one per
 * {@link PaletteRole}), so a PNG export and the live view paint from the same CSS. FX thread only.
 */
public final class TimelinePalette {
    private final Color[] colours = new Color[PaletteRole.values().length];

    private TimelinePalette() {
    }

    /** Reads the colours of {@code theme}; works offscreen (no window needed). */
    public static TimelinePalette of(Theme theme) {
        var palette = new TimelinePalette();
        var root = new Group();
        root.getStyleClass().add("timeline-palette");
        var labels = new Label[PaletteRole.values().length];
        for (var role : PaletteRole.values()) {
            var label = new Label();
            label.getStyleClass().add(role.styleClass());
            labels[role.ordinal()] = label;
            root.getChildren().add(label);
        }
        var scene = new Scene(root);
        scene.getStylesheets().setAll(theme.colourSheet());
        root.applyCss();
        for (var role : PaletteRole.values()) {
            Paint fill = labels[role.ordinal()].getTextFill();
            palette.colours[role.ordinal()] = fill instanceof Color c ? c : Color.GRAY;
        }
        return palette;
    }

    public Color get(PaletteRole role) {
        return colours[role.ordinal()];
    }

    public Color mark(MarkKind mark) {
        return get(PaletteRole.of(mark));
    }

    /** The band colour of a kernel state. */
    public Color state(TcpState state) {
        return get(switch (state) {
            case SYN_SENT, SYN_RECV, NEW_SYN_RECV, LISTEN -> PaletteRole.STATE_HANDSHAKE;
            case ESTABLISHED -> PaletteRole.STATE_ESTABLISHED;
            case CLOSE_WAIT, LAST_ACK -> PaletteRole.STATE_CLOSE_WAIT;
            case FIN_WAIT1, FIN_WAIT2, CLOSING -> PaletteRole.STATE_FIN_WAIT;
            case TIME_WAIT -> PaletteRole.STATE_TIME_WAIT;
            case CLOSED -> PaletteRole.STATE_CLOSED;
            case UNKNOWN -> PaletteRole.STATE_UNKNOWN;
        });
    }
}
