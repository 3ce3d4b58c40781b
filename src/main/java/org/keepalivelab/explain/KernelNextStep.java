package org.keepalivelab.explain;

import java.util.Locale;
import java.util.OptionalLong;
import org.keepalivelab.lab.ConnectionStatus;
import org.keepalivelab.lab.KeepaliveSettings;
import org.keepalivelab.lab.SideStatus;
import org.keepalivelab.lab.SocketSettings;
import org.keepalivelab.linux.KernelTimer;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.TcpState;

/**
 * What the kernel will do next on a connection, from its own timers ({@code /proc/net/tcp}, as the lab
 * sampled them): "server: next keep-alive in 3.2 s", "server: 2 of 9 probes unanswered". The status
 * line shows it for the selected connection, and a live story ends with it.
 */
public final class KernelNextStep {
    private KernelNextStep() {
    }

    /**
     * Both sides in words, server first; {@code now} is lab time in ns.
     *
     * @param kernelProbes {@code net.ipv4.tcp_keepalive_probes}, the count of a socket that sets none
     */
    public static String describe(ConnectionStatus status, long now, int kernelProbes) {
        return side(Side.SERVER, status.server(), status.settings().server(), now, kernelProbes) + "  ·  "
                + side(Side.CLIENT, status.client(), status.settings().client(), now, kernelProbes);
    }

    /** One side in words: {@code "server: next keep-alive in 3.2 s (CLOSE_WAIT)"}. */
    public static String side(Side side, SideStatus s, SocketSettings settings, long now, int kernelProbes) {
        String who = side.label() + ": ";
        if (s.state() == TcpState.UNKNOWN) {
            return who + "not sampled yet";
        }
        if (s.state() == TcpState.CLOSED) {
            return who + "closed" + (s.orphan() ? " (socket gone)" : "");
        }
        String when = String.format(Locale.ROOT, "%.1f s", inMillis(s, now) / 1000.0);
        String state = s.state().name() + (s.orphan() ? " orphan" : "");
        if (s.orphan() && s.state() == TcpState.FIN_WAIT2 && s.timer() != KernelTimer.NONE) {
            return who + state + finWait2Timeout(s.timer()) + when;
        }
        var keepalive = settings.keepalive();
        int count = keepalive.count() == KeepaliveSettings.KERNEL_DEFAULT_COUNT ? kernelProbes : keepalive.count();
        return who + switch (s.timer()) {
            case KEEPALIVE -> s.probes() > 0
                    ? s.probes() + " of " + count + " probes unanswered, next probe in " + when
                    : "next keep-alive in " + when + " (" + state + ")";
            case RETRANSMIT -> "retransmission in " + when + (s.probes() > 0 ? ", " + s.probes() + " unanswered" : "")
                    + " (" + state + ")";
            case TIME_WAIT -> "TIME_WAIT ends in " + when;
            case ZERO_WINDOW_PROBE -> "zero-window probe in " + when + " (" + state + ")";
            case NONE -> state + (keepalive.enabled() || s.state() != TcpState.ESTABLISHED ? ""
                    : ", keep-alive off: nothing will be sent");
        };
    }

    /** When the side's armed timer fires, in lab time; empty for a side with none (or none sampled). */
    static OptionalLong firesAt(SideStatus s, long now) {
        if (s.state() == TcpState.UNKNOWN || s.state() == TcpState.CLOSED || s.timer() == KernelTimer.NONE) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(now + (long) (inMillis(s, now) * 1e6));
    }

    /** How long until the side's timer fires, from {@code now}, in ms: the sample's countdown less the time since. */
    private static double inMillis(SideStatus s, long now) {
        return Math.max(0, s.timerMillis() - (now - s.sampledAt()) / 1e6);
    }

    /**
     * An orphan's FIN_WAIT2 timeout, whichever timer counts it: the kernel counts a lifetime over 60 s
     * first on the keep-alive timer, whatever the keep-alive setting, then moves the orphan to the
     * TIME_WAIT timer, whose end is the socket's.
     */
    private static String finWait2Timeout(KernelTimer timer) {
        return timer == KernelTimer.TIME_WAIT ? ", gone in " : ", FIN_WAIT2 timer fires in ";
    }
}
