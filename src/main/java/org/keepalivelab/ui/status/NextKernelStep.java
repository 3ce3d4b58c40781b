package org.keepalivelab.ui.status;

import java.util.Locale;
import org.keepalivelab.lab.ConnectionStatus;
import org.keepalivelab.lab.KeepaliveSettings;
import org.keepalivelab.lab.SideStatus;
import org.keepalivelab.lab.SocketSettings;
import org.keepalivelab.linux.KernelTimer;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.TcpState;
import org.keepalivelab.ui.settings.KernelDefaults;

/**
 * What the kernel will do next on a connection, from its own timers ({@code /proc/net/tcp}, as the lab
 * sampled them): "server: next keep-alive in 3.2 s", "server: 2 of 9 probes unanswered".
 */
public final class NextKernelStep {
    private NextKernelStep() {
    }

    /** Both sides in words, server first; {@code now} is lab time in ns. */
    public static String describe(ConnectionStatus status, long now, KernelDefaults defaults) {
        return side(Side.SERVER, status.server(), status.settings().server(), now, defaults) + "  ·  "
                + side(Side.CLIENT, status.client(), status.settings().client(), now, defaults);
    }

    static String side(Side side, SideStatus s, SocketSettings settings, long now, KernelDefaults defaults) {
        String who = side.label() + ": ";
        if (s.state() == TcpState.UNKNOWN) {
            return who + "not sampled yet";
        }
        if (s.state() == TcpState.CLOSED) {
            return who + "closed" + (s.orphan() ? " (socket gone)" : "");
        }
        double inSeconds = Math.max(0, s.timerMillis() - (now - s.sampledAt()) / 1e6) / 1000;
        String when = String.format(Locale.ROOT, "%.1f s", inSeconds);
        String state = s.state().name() + (s.orphan() ? " orphan" : "");
        if (s.orphan() && s.state() == TcpState.FIN_WAIT2 && s.timer() != KernelTimer.NONE) {
            return who + state + finWait2Timeout(s.timer()) + when;
        }
        var keepalive = settings.keepalive();
        int count = keepalive.count() == KeepaliveSettings.KERNEL_DEFAULT_COUNT ? defaults.keepaliveProbes()
                : keepalive.count();
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

    /**
     * An orphan's FIN_WAIT2 timeout, whichever timer counts it: the kernel counts a lifetime over 60 s
     * first on the keep-alive timer, whatever the keep-alive setting, then moves the orphan to the
     * TIME_WAIT timer, whose end is the socket's.
     */
    private static String finWait2Timeout(KernelTimer timer) {
        return timer == KernelTimer.TIME_WAIT ? ", gone in " : ", FIN_WAIT2 timer fires in ";
    }
}
