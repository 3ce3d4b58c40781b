package org.keepalivelab.model;

/**
 * The kernel's view of one side's socket changed.
 *
 * @param probes unanswered keepalive probes ({@code tcpi_probes}, or {@code icsk_probes_out} for an
 *               orphaned socket the application no longer holds)
 * @param orphan true when the application no longer holds the socket (killed or closed) but the kernel
 *               still does
 */
public record StateEvent(long t, int conn, Side side, TcpState state, int probes, boolean orphan)
        implements Event {
}
