package org.keepalivelab.ui.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.keepalivelab.lab.SideStatus;
import org.keepalivelab.lab.SocketSettings;
import org.keepalivelab.linux.KernelTimer;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.TcpState;
import org.keepalivelab.ui.settings.KernelDefaults;

/** A FIN_WAIT2 orphan's timers read as its timeout, not as keep-alive, whatever its keep-alive setting. */
class NextKernelStepTest {
    private static final KernelDefaults DEFAULTS = new KernelDefaults(9, 60);

    @Test
    void aFinWait2OrphansKeepaliveTimerIsItsTimeout() {
        // An orphan lifetime over 60 s: the kernel arms the keep-alive timer for all but the last 60 s.
        assertEquals("client: FIN_WAIT2 orphan, FIN_WAIT2 timer fires in 60.0 s",
                describe(new SideStatus(TcpState.FIN_WAIT2, 0, true, KernelTimer.KEEPALIVE, 60_000, 0)));
        assertEquals("client: FIN_WAIT2 orphan, gone in 3.0 s",
                describe(new SideStatus(TcpState.FIN_WAIT2, 0, true, KernelTimer.TIME_WAIT, 3_000, 0)));
        assertEquals("client: TIME_WAIT ends in 3.0 s",
                describe(new SideStatus(TcpState.TIME_WAIT, 0, true, KernelTimer.TIME_WAIT, 3_000, 0)));
    }

    private static String describe(SideStatus status) {
        return NextKernelStep.side(Side.CLIENT, status, SocketSettings.DEFAULT, 0, DEFAULTS);
    }
}
