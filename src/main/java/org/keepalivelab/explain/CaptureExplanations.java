package org.keepalivelab.explain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.keepalivelab.model.Event;
import org.keepalivelab.model.Timeline;

/**
 * The explanations of an imported capture's connections ({@link ConnectionFacts#ofCapture}), made one
 * connection at a time from the timeline: one pass notes each connection's event indexes (4 bytes an
 * event), every probe is judged once over the whole timeline ({@link ProbeVerdicts}, its rows off the
 * heap), then each connection's events are made, explained and dropped before the next, so the heap
 * holds one connection's records at a time however many the file has.
 */
public final class CaptureExplanations {
    private CaptureExplanations() {
    }

    /** One explanation per connection 1..{@code connections} of {@code timeline}, in that order. */
    public static List<Explanation> of(Timeline timeline, int connections) {
        int size = timeline.size();
        var indexes = new int[connections + 1][];
        var counts = new int[connections + 1];
        long end = 0;
        for (int i = 0; i < size; i++) {
            end = Math.max(end, timeline.t(i));
            int conn = timeline.conn(i);
            if (conn < 1 || conn > connections) {
                continue;
            }
            if (indexes[conn] == null) {
                indexes[conn] = new int[8];
            } else if (counts[conn] == indexes[conn].length) {
                indexes[conn] = Arrays.copyOf(indexes[conn], counts[conn] * 2);
            }
            indexes[conn][counts[conn]++] = i;
        }
        var verdicts = new ProbeVerdicts(timeline); // every probe judged once, off the heap
        var explanations = new ArrayList<Explanation>(connections);
        for (int conn = 1; conn <= connections; conn++) {
            int[] own = inTimeOrder(timeline, indexes[conn] == null ? new int[0] : indexes[conn], counts[conn]);
            indexes[conn] = null;
            var events = new ArrayList<Event>(own.length);
            for (int index : own) {
                events.add(timeline.get(index));
            }
            explanations.add(Explanation.of(ConnectionFacts.ofCapture(conn, events, end),
                    k -> verdicts.of(own[k])));
        }
        return explanations;
    }

    /** The first {@code n} of {@code indexes} sorted by time, stably (a state after the segment that moved it). */
    private static int[] inTimeOrder(Timeline timeline, int[] indexes, int n) {
        boolean sorted = true;
        for (int k = 1; k < n && sorted; k++) {
            sorted = timeline.t(indexes[k - 1]) <= timeline.t(indexes[k]);
        }
        if (sorted) {
            return Arrays.copyOf(indexes, n);
        }
        return Arrays.stream(indexes, 0, n).boxed().sorted(Comparator.comparingLong(timeline::t))
                .mapToInt(Integer::intValue).toArray();
    }
}
