package org.keepalivelab.ui.status;

import org.keepalivelab.explain.KernelNextStep;
import org.keepalivelab.lab.ConnectionStatus;
import org.keepalivelab.lab.SideStatus;
import org.keepalivelab.lab.SocketSettings;
import org.keepalivelab.model.Side;
import org.keepalivelab.ui.settings.KernelDefaults;

/**
 * What the kernel will do next on a connection, from its own timers, in the words a live story ends
 * with ({@link KernelNextStep}): "server: next keep-alive in 3.2 s", "server: 2 of 9 probes unanswered".
 */
public final class NextKernelStep {
    private NextKernelStep() {
    }

    /** Both sides in words, server first; {@code now} is lab time in ns. */
    public static String describe(ConnectionStatus status, long now, KernelDefaults defaults) {
        return KernelNextStep.describe(status, now, defaults.keepaliveProbes());
    }

    static String side(Side side, SideStatus s, SocketSettings settings, long now, KernelDefaults defaults) {
        return KernelNextStep.side(side, s, settings, now, defaults.keepaliveProbes());
    }
}
