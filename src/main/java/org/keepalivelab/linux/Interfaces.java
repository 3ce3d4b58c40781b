package org.keepalivelab.linux;

import static org.keepalivelab.linux.LibC.AF_INET;
import static org.keepalivelab.linux.LibC.SOCK_CLOEXEC;
import static org.keepalivelab.linux.LibC.SOCK_DGRAM;

import java.lang.foreign.Arena;

/**
 * Network interfaces of this process's network namespace, set up without the {@code ip} binary: a
 * new network namespace starts with {@code lo} down, and the lab needs it up.
 */
public final class Interfaces {
    private static final long SIOCGIFFLAGS = 0x8913;
    private static final long SIOCSIFFLAGS = 0x8914;
    private static final short IFF_UP = 0x1;

    private Interfaces() {
    }

    /**
     * Brings {@code name} up, unless it is up already.
     *
     * @throws LinuxException with {@link LinuxException#isPermissionDenied()} without {@code CAP_NET_ADMIN}
     *                        in this network namespace
     */
    public static void bringUp(String name) throws LinuxException {
        try (var arena = Arena.ofConfined();
             // Interface ioctls work on any socket; a datagram socket needs no privilege to open.
             var scratch = SocketDescriptor.open(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0)) {
            var request = new Ifreq(arena, name);
            scratch.ioctl(SIOCGIFFLAGS, request.segment(), "SIOCGIFFLAGS " + name);
            short flags = request.flags();
            if ((flags & IFF_UP) == 0) {
                request.setFlags((short) (flags | IFF_UP));
                scratch.ioctl(SIOCSIFFLAGS, request.segment(), "SIOCSIFFLAGS " + name);
            }
        }
    }
}
