package org.keepalivelab.ui.timeline;

import org.keepalivelab.model.Side;

/**
 * Where each row of a lane sits, as offsets from the lane's top, for a lane in full or a compact one.
 * A full lane has a row each for its title, the user's actions, each application's events and each
 * kernel's state band, and a track per side for the segments it sent, the client's above the server's.
 * A compact lane is one line: every segment on one track (the sender is in the details), each side's
 * kernel state as a thin band above (client) or below (server), and no words, so twenty connections
 * fit where three full lanes do. The painters and the hit test read both from here.
 */
final class LaneRows {
    static final LaneRows FULL = new LaneRows(184, true, 87, 125, 55, 139, 17, 49, 172, 33, 10);
    static final LaneRows COMPACT = new LaneRows(22, false, 11, 11, 2, 16, 4, 0, 0, 0, 6);

    /** In a full lane: the title's baseline, and the line an application's outcome draws from its words through its band. */
    static final double TITLE_BASELINE = 17;
    private static final double OUTCOME_OVER = 10;
    private static final double OUTCOME_UNDER = 2;
    /** A full lane's action line starts this far below its words and ends this far above the lane's bottom. */
    private static final double ACTION_LINE_INSET = 4;
    /** The middle of a row of words, above its baseline. */
    private static final double WORDS_RISE = 4;

    private final double height;
    private final boolean words;
    private final double clientTrack;
    private final double serverTrack;
    private final double clientBandTop;
    private final double serverBandTop;
    private final double bandHeight;
    private final double clientAppBaseline;
    private final double serverAppBaseline;
    private final double actionBaseline;
    private final double trackHalf;

    private LaneRows(double height, boolean words, double clientTrack, double serverTrack, double clientBandTop,
                     double serverBandTop, double bandHeight, double clientAppBaseline, double serverAppBaseline,
                     double actionBaseline, double trackHalf) {
        this.height = height;
        this.words = words;
        this.clientTrack = clientTrack;
        this.serverTrack = serverTrack;
        this.clientBandTop = clientBandTop;
        this.serverBandTop = serverBandTop;
        this.bandHeight = bandHeight;
        this.clientAppBaseline = clientAppBaseline;
        this.serverAppBaseline = serverAppBaseline;
        this.actionBaseline = actionBaseline;
        this.trackHalf = trackHalf;
    }

    double height() {
        return height;
    }

    /**
     * Whether the lane has room for words: its title, row names, actions', applications' and bands'
     * words, byte counts and the applications' other events; a compact lane has none.
     */
    boolean words() {
        return words;
    }

    /** The line {@code side}'s segments sit on. */
    double track(Side side) {
        return side == Side.CLIENT ? clientTrack : serverTrack;
    }

    /** How far from its track a mark is found: about its glyph's half height. */
    double trackHalf() {
        return trackHalf;
    }

    /** Whether the sides have a track each, with connectors between them. */
    boolean twoTracks() {
        return clientTrack != serverTrack;
    }

    /** Where a sever's cross sits on a dropped segment: half way to its receiver (on its mark in a compact lane). */
    double dropped() {
        return (clientTrack + serverTrack) / 2;
    }

    double bandTop(Side side) {
        return side == Side.CLIENT ? clientBandTop : serverBandTop;
    }

    double bandHeight() {
        return bandHeight;
    }

    /** The baseline of {@code side}'s application's words (full lanes). */
    double appBaseline(Side side) {
        return side == Side.CLIENT ? clientAppBaseline : serverAppBaseline;
    }

    /** The middle of {@code side}'s application row: of its words, or of its outcome's line in a compact lane. */
    double appMiddle(Side side) {
        return words ? appBaseline(side) - WORDS_RISE : (outcomeTop(side) + outcomeBottom(side)) / 2;
    }

    /** Where an outcome's line starts: the client's at its words, down through its band; the server's at its band. */
    double outcomeTop(Side side) {
        if (!words) {
            return side == Side.CLIENT ? 0 : height / 2;
        }
        return side == Side.CLIENT ? clientAppBaseline - OUTCOME_OVER : serverBandTop;
    }

    double outcomeBottom(Side side) {
        if (!words) {
            return side == Side.CLIENT ? height / 2 : height;
        }
        return side == Side.CLIENT ? clientBandTop + bandHeight : serverAppBaseline + OUTCOME_UNDER;
    }

    /** The baseline of the actions' words (full lanes). */
    double actionBaseline() {
        return actionBaseline;
    }

    /** The middle of the actions' row: of their words, or of the lane in a compact one. */
    double actionMiddle() {
        return words ? actionBaseline - WORDS_RISE : height / 2;
    }

    /** Where an action's dashed line starts: below its words, or at the lane's top in a compact lane. */
    double actionLineTop() {
        return words ? actionBaseline + ACTION_LINE_INSET : 0;
    }

    double actionLineBottom() {
        return words ? height - ACTION_LINE_INSET : height;
    }
}
