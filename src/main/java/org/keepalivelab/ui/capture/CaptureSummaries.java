package org.keepalivelab.ui.capture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.keepalivelab.imports.ImportResult;
import org.keepalivelab.model.Timeline;

/**
 * Counts each connection of an import in one pass over the timeline's primitive columns (no event
 * record made): its first and last segment, its segments, keep-alives and retransmissions, and whether
 * it ended with a RST or a FIN. Off the FX thread: it reads every event once.
 */
final class CaptureSummaries {
    private CaptureSummaries() {
    }

    /** @param labels each connection's label by its number, from the run's event log; empty for a capture */
    static List<CaptureSummary> of(ImportResult result, Timeline timeline, Map<Integer, String> labels) {
        int n = result.connections().size();
        long[] first = new long[n + 1];
        long[] last = new long[n + 1];
        int[] segments = new int[n + 1];
        int[] keepalives = new int[n + 1];
        int[] retransmissions = new int[n + 1];
        boolean[] rst = new boolean[n + 1];
        boolean[] fin = new boolean[n + 1];
        Arrays.fill(first, Long.MAX_VALUE);
        int size = timeline.size();
        for (int i = 0; i < size; i++) {
            int conn = timeline.conn(i);
            if (conn < 1 || conn > n || !timeline.isSegment(i)) {
                continue;
            }
            long t = timeline.t(i);
            first[conn] = Math.min(first[conn], t);
            last[conn] = Math.max(last[conn], t);
            segments[conn]++;
            switch (timeline.segmentKind(i)) {
                case KEEPALIVE -> keepalives[conn]++;
                case RETRANSMISSION -> retransmissions[conn]++;
                case RST -> rst[conn] = true;
                case FIN -> fin[conn] = true;
                default -> { }
            }
        }
        var summaries = new ArrayList<CaptureSummary>(n);
        for (var c : result.connections()) {
            int conn = c.conn();
            var outcome = rst[conn] ? CaptureSummary.Outcome.RST
                    : fin[conn] ? CaptureSummary.Outcome.FIN : CaptureSummary.Outcome.OPEN;
            long start = segments[conn] == 0 ? 0 : first[conn];
            summaries.add(new CaptureSummary(conn, labels.getOrDefault(conn, ""), c.client().toString(), c.server().toString(), start,
                    segments[conn] == 0 ? 0 : last[conn], segments[conn], keepalives[conn], retransmissions[conn],
                    outcome, ""));
        }
        return List.copyOf(summaries);
    }
}
