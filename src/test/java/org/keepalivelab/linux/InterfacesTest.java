package org.keepalivelab.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.keepalivelab.linux.LibC.AF_INET;
import static org.keepalivelab.linux.LibC.SOCK_CLOEXEC;
import static org.keepalivelab.linux.LibC.SOCK_DGRAM;

import java.lang.foreign.Arena;
import org.junit.jupiter.api.Test;

/** Interface flags through {@code struct ifreq}, on the real loopback. */
class InterfacesTest {
    private static final long SIOCGIFFLAGS = 0x8913;
    private static final int IFF_UP = 0x1;
    private static final int IFF_LOOPBACK = 0x8;

    @Test
    void loopbacksFlagsSayUpAndLoopback() throws LinuxException {
        try (var arena = Arena.ofConfined();
             var socket = SocketDescriptor.open(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0)) {
            var request = new Ifreq(arena, "lo");
            socket.ioctl(SIOCGIFFLAGS, request.segment(), "SIOCGIFFLAGS lo");
            assertEquals(IFF_UP | IFF_LOOPBACK, request.flags() & (IFF_UP | IFF_LOOPBACK));
        }
    }

    @Test
    void bringingUpAnInterfaceThatIsUpChangesNothing() throws LinuxException {
        Interfaces.bringUp("lo");
    }

    @Test
    void anUnknownInterfaceIsTheKernelsNoDevice() {
        assertThrows(LinuxException.class, () -> Interfaces.bringUp("no-such-if"));
    }
}
