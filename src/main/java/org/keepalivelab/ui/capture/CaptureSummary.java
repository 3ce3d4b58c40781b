package org.keepalivelab.ui.capture;

import java.util.Locale;

/**
 * One connection of a capture as its list shows it: small, so that 10,000 of them sort and filter at
 * once. The events stay on the timeline (off the heap); this is what one pass over them counts.
 *
 * @param label           the connection's label in the lab run it was saved from; "" for a capture
 * @param client          the client's end, {@code 10.0.0.1:40000}
 * @param server          the server's end
 * @param startT          its first segment, ns from the file's first packet
 * @param endT            its last segment
 * @param keepalives      keep-alive probes, either side's
 * @param detection       when a side learned of a fault, from the connection's explanation
 *                        ({@link CaptureDetections#words}): "" when the story finds none, or why it
 *                        could not be explained; null until it is explained
 */
public record CaptureSummary(int conn, String label, String client, String server, long startT, long endT, int segments,
                             int keepalives, int retransmissions, Outcome outcome, String detection) {

    /** How the capture saw the connection end. */
    public enum Outcome {
        RST("RST"), FIN("FIN"), OPEN("open at end");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public long durationNanos() {
        return endT - startT;
    }

    /** The same connection with {@code words} as its detection. */
    CaptureSummary withDetection(String words) {
        return new CaptureSummary(conn, label, client, server, startT, endT, segments, keepalives, retransmissions, outcome,
                words);
    }

    /**
     * True when either end contains {@code text} (case-insensitive: an IPv6 address's hex digits): an
     * address, {@code :8080} for a port, {@code 10.0.0.1:40000} for one end; or the label does. Blank
     * matches all.
     */
    boolean matches(String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        var wanted = text.strip().toLowerCase(Locale.ROOT);
        return client.toLowerCase(Locale.ROOT).contains(wanted) || server.toLowerCase(Locale.ROOT).contains(wanted)
                || label.toLowerCase(Locale.ROOT).contains(wanted);
    }
}
