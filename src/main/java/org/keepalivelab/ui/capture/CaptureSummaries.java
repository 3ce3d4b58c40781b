package org.keepalivelab.ui.capture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.keepalivelab.export.LoggedRun;
import org.keepalivelab.imports.ImportResult;
import org.keepalivelab.model.Timeline;

/**
 * Counts each connection of an import, or of a saved run, in one pass over the timeline's primitive columns (no event
 * record made): its first and last segment, its segments, keep-alives and retransmissions, and whether
 * it ended with a RST or a FIN. Off the FX thread: it reads every event once.
 */
final class CaptureSummaries {
    private CaptureSummaries() {
    }

    /** A connection to count: its number, its label ("" in a capture) and its ends as the list shows them. */
    record Ends(int conn, String label, String client, String server) {
    }

    /** The connections of an import, by the ends its packets showed. */
    static List<CaptureSummary> of(ImportResult result, Timeline timeline) {
        return of(result.connections().stream()
                .map(c -> new Ends(c.conn(), "", c.client().toString(), c.server().toString())).toList(), timeline);
    }

    /**
     * The connections of a saved run, by its event log's header: the server's end, and the client's, at
     * the server's address (the lab binds its clients there, {@code lab.ClientEndpoint}) and its own
     * {@code clientPort}; the address alone from a log written before that field.
     */
    static List<CaptureSummary> of(LoggedRun log, Timeline timeline) {
        String address = log.serverAddress();
        String server = end(address, log.serverPort());
        return of(log.connections().stream().map(c -> new Ends(c.conn(), c.label(),
                c.clientPort() > 0 ? end(address, c.clientPort()) : address, server)).toList(), timeline);
    }

    /** {@code 127.0.0.1:40000}, {@code [::1]:40000}: as an import writes an end ({@code imports.Endpoint}). */
    private static String end(String address, int port) {
        return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }

    /** @param ends the connections, numbered 1 to n */
    static List<CaptureSummary> of(List<Ends> ends, Timeline timeline) {
        int n = ends.stream().mapToInt(Ends::conn).max().orElse(0);
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
        var summaries = new ArrayList<CaptureSummary>(ends.size());
        for (var c : ends) {
            int conn = c.conn();
            var outcome = rst[conn] ? CaptureSummary.Outcome.RST
                    : fin[conn] ? CaptureSummary.Outcome.FIN : CaptureSummary.Outcome.OPEN;
            long start = segments[conn] == 0 ? 0 : first[conn];
            summaries.add(new CaptureSummary(conn, c.label(), c.client(), c.server(), start,
                    segments[conn] == 0 ? 0 : last[conn], segments[conn], keepalives[conn], retransmissions[conn],
                    outcome, null)); // explained later, in the background
        }
        return List.copyOf(summaries);
    }
}
