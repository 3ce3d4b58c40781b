package org.keepalivelab.lab;

import org.keepalivelab.linux.KernelTimer;
import org.keepalivelab.model.TcpState;

/**
 * The kernel's latest view of one side's socket, sampled by the lab.
 *
 * @param probes      unanswered keepalive probes
 * @param orphan      the application no longer holds the socket, the kernel still does
 * @param timer       the timer the kernel has armed ({@code /proc/net/tcp}), {@link KernelTimer#NONE} if unknown
 * @param timerMillis when it fires, in ms after {@code sampledAt}
 * @param sampledAt   lab time of the sample, ns
 */
public record SideStatus(TcpState state, int probes, boolean orphan, KernelTimer timer, long timerMillis,
                         long sampledAt) {
    public static final SideStatus UNKNOWN = new SideStatus(TcpState.UNKNOWN, 0, false, KernelTimer.NONE, 0, 0);
}
