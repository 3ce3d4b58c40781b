package org.keepalivelab.ui.timeline;

import java.util.Locale;

/**
 * A colour the timeline paints with. Each theme's stylesheet gives it as the text fill of style class
 * {@code tl-<name>} (e.g. {@code .tl-rst}), so the canvas follows the theme like every other node.
 */
public enum PaletteRole {
    BACKGROUND, PLOT, LANE_ALT, LANE_SELECTED, GRID, TEXT, MUTED, NOW, ACTION, EOF, ERROR, DROPPED,
    SYN, DATA, ACK, FIN, RST, PROBE, PROBE_ACK, RETRANSMISSION, ZERO_WINDOW, WINDOW_UPDATE,
    STATE_HANDSHAKE, STATE_ESTABLISHED, STATE_CLOSE_WAIT, STATE_FIN_WAIT, STATE_TIME_WAIT, STATE_CLOSED,
    STATE_UNKNOWN, STATE_TEXT, DETECTION;

    /** The style class whose text fill holds this colour. */
    public String styleClass() {
        return "tl-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static PaletteRole of(MarkKind mark) {
        return switch (mark) {
            case SYN -> SYN;
            case DATA -> DATA;
            case ACK -> ACK;
            case FIN -> FIN;
            case RST -> RST;
            case PROBE_ANSWERED, PROBE_UNANSWERED, PROBE_INFERRED -> PROBE;
            case PROBE_ACK -> PROBE_ACK;
            case RETRANSMISSION -> RETRANSMISSION;
            case ZERO_WINDOW_PROBE -> ZERO_WINDOW;
            case WINDOW_UPDATE -> WINDOW_UPDATE;
        };
    }
}
