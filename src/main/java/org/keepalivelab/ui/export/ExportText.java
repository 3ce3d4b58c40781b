package org.keepalivelab.ui.export;

import org.keepalivelab.ui.timeline.TimeAxis;

/**
 * How an export names what it shows, in the timeline's own words: alike in its dialog, its picture and
 * the file's metadata.
 */
final class ExportText {
    private ExportText() {
    }

    /** A time range: "6 min 42 s – 7 min 27 s". */
    static String range(long from, long to) {
        return TimeAxis.duration(from) + " – " + TimeAxis.duration(to);
    }

    /** A run of lanes: "connections 20–23", "connection 7". */
    static String lanes(int firstConn, int lastConn) {
        return firstConn == lastConn ? "connection " + firstConn : "connections " + firstConn + "–" + lastConn;
    }
}
