package org.keepalivelab.linux;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keepalivelab.linux.LibC.AF_INET;
import static org.keepalivelab.linux.LibC.SOCK_CLOEXEC;
import static org.keepalivelab.linux.LibC.SOCK_DGRAM;
import static org.keepalivelab.linux.LibC.SOL_SOCKET;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The state word: a descriptor is let go of once, and is never used after. */
class SocketDescriptorTest {
    private static final int SO_RCVBUF = 8;

    @Test
    void lettingGoHandsTheNumberOverOnce() {
        var socket = new SocketDescriptor(1234);
        var handed = new ArrayList<Integer>();
        socket.letGo(handed::add);
        socket.letGo(handed::add);
        socket.close();
        assertEquals(List.of(1234), handed, "and close() after a release closes nothing");
    }

    @Test
    void closingTwiceIsHarmlessAndACallAfterFailsWithoutReachingTheKernel() throws LinuxException {
        var socket = SocketDescriptor.open(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        socket.setOption(SOL_SOCKET, SO_RCVBUF, 4096, "SO_RCVBUF");
        socket.close();
        socket.close();
        var e = assertThrows(IllegalStateException.class, () -> socket.setOption(SOL_SOCKET, SO_RCVBUF, 4096, "SO_RCVBUF"));
        assertAll(
                () -> assertTrue(e.getMessage().startsWith("SO_RCVBUF on a socket already closed or released"), e.getMessage()),
                () -> assertThrows(IllegalStateException.class, () -> socket.bind(null)),
                () -> assertThrows(IllegalStateException.class, () -> socket.poll(null, null, 0)));
    }
}
