package org.keepalivelab.model;

/**
 * The kernel's view of one side's socket changed.
 *
 * @param probes   unanswered keepalive probes ({@code tcpi_probes}, or {@code icsk_probes_out} for an
 *                 orphaned socket the application no longer holds)
 * @param orphan   true when the application no longer holds the socket (killed or closed) but the kernel
 *                 still does
 * @param inferred true when no kernel was asked: the state is the one the captured segments imply
 *                 (RFC 9293's state machine, {@code imports.StateInference}); {@code probes} is then 0 and
 *                 {@code orphan} false, as a capture shows neither
 */
public record StateEvent(long t, int conn, Side side, TcpState state, int probes, boolean orphan, boolean inferred)
        implements Event {

    /** A state the lab sampled from its kernel. */
    public StateEvent(long t, int conn, Side side, TcpState state, int probes, boolean orphan) {
        this(t, conn, side, state, probes, orphan, false);
    }

    /** A state a capture's segments imply for {@code side}, from {@code t} (the segment that moved it). */
    public static StateEvent inferredFromCapture(long t, int conn, Side side, TcpState state) {
        return new StateEvent(t, conn, side, state, 0, false, true);
    }
}
