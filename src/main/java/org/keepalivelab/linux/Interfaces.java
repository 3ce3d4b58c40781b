package org.keepalivelab.linux;

import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static org.keepalivelab.linux.LibC.AF_INET;
import static org.keepalivelab.linux.LibC.SOCK_CLOEXEC;
import static org.keepalivelab.linux.LibC.SOCK_DGRAM;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

/**
 * Network interfaces of this process's network namespace, set up without the {@code ip} binary: a
 * new network namespace starts with {@code lo} down, and the lab needs it up.
 */
public final class Interfaces {
    private static final long SIOCGIFFLAGS = 0x8913;
    private static final long SIOCSIFFLAGS = 0x8914;
    private static final short IFF_UP = 0x1;
    /** {@code sizeof(struct ifreq)}: a 16-byte name, then a union whose largest member is 24 bytes. */
    private static final long IFREQ_SIZE = 40;
    private static final int IFNAMSIZ = 16;
    private static final long IFR_FLAGS = 16;

    private Interfaces() {
    }

    /**
     * Brings {@code name} up, unless it is up already.
     *
     * @throws LinuxException with {@link LinuxException#isPermissionDenied()} without {@code CAP_NET_ADMIN}
     *                        in this network namespace
     */
    public static void bringUp(String name) throws LinuxException {
        byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length >= IFNAMSIZ) {
            throw new IllegalArgumentException("An interface name has at most " + (IFNAMSIZ - 1) + " bytes: " + name);
        }
        // Interface ioctls work on any socket; a datagram socket needs no privilege to open.
        int fd = LibC.socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        try (var arena = Arena.ofConfined()) {
            var ifreq = arena.allocate(IFREQ_SIZE, 8); // zeroed: the name ends with NUL
            ifreq.copyFrom(MemorySegment.ofArray(bytes));
            LibC.ioctl(fd, SIOCGIFFLAGS, ifreq, "SIOCGIFFLAGS " + name);
            short flags = ifreq.get(JAVA_SHORT, IFR_FLAGS);
            if ((flags & IFF_UP) == 0) {
                ifreq.set(JAVA_SHORT, IFR_FLAGS, (short) (flags | IFF_UP));
                LibC.ioctl(fd, SIOCSIFFLAGS, ifreq, "SIOCSIFFLAGS " + name);
            }
        } finally {
            LibC.close(fd);
        }
    }
}
