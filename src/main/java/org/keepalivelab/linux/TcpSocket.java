package org.keepalivelab.linux;

import static org.keepalivelab.linux.LibC.AF_INET;
import static org.keepalivelab.linux.LibC.SOCK_CLOEXEC;
import static org.keepalivelab.linux.LibC.SOCK_STREAM;
import static org.keepalivelab.linux.LibC.SOL_SOCKET;
import static org.keepalivelab.linux.LibC.SO_ATTACH_FILTER;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.nio.channels.NetworkChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kernel socket behind a Java channel, for what {@code java.net} does not offer:
 * {@code TCP_USER_TIMEOUT}, {@code TCP_LINGER2}, {@code TCP_INFO} and a socket filter.
 *
 * <p>The descriptor belongs to the channel: this class never closes it, and its owner must
 * {@link #release()} this object before the channel closes (a descriptor number is reused at once).
 * After the release, which is harmless twice, every other method throws {@link IllegalStateException}
 * rather than reach a number that may belong to another file.
 */
public final class TcpSocket {
    /**
     * Descriptors held by a live {@code TcpSocket} of this process: a search for a new socket skips
     * them, which keeps finding a socket cheap when a lab holds a thousand.
     */
    private static final Set<Integer> CLAIMED = ConcurrentHashMap.newKeySet();
    private static final int SCAN_BEYOND_CLAIMED = 256;

    private static final int SOL_TCP = 6;
    private static final int TCP_LINGER2 = 8;
    private static final int TCP_INFO = 11;
    private static final int TCP_USER_TIMEOUT = 18;
    private static final int SO_DETACH_FILTER = 27;

    /** {@code TCP_FIN_TIMEOUT_MAX / HZ}: the kernel caps a socket's orphan lifetime at 120 s. */
    public static final int MAX_LINGER2_SECONDS = 120;

    private final SocketDescriptor descriptor;

    private TcpSocket(SocketDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    /**
     * Finds the descriptor of {@code channel} by its addresses: the one socket descriptor of this
     * process whose {@code getsockname} and {@code getpeername} match. Works for a bound channel that is
     * not yet connected too ({@code remote} then matches a socket with no peer). The descriptor stays
     * claimed until {@link #release()}.
     */
    public static TcpSocket of(NetworkChannel channel, InetSocketAddress remote) throws IOException {
        var local = (InetSocketAddress) channel.getLocalAddress();
        try (var arena = Arena.ofConfined()) {
            var sockaddr = arena.allocate(SocketAddresses.LAYOUT);
            // The kernel gives a new socket the lowest free number, so it is found among the low
            // numbers; the listing of /proc/self/fd is the fallback for a process full of other files.
            int highest = CLAIMED.stream().mapToInt(Integer::intValue).max().orElse(0) + SCAN_BEYOND_CLAIMED;
            for (int fd = 0; fd <= highest; fd++) {
                if (claimIfMatches(fd, local, remote, sockaddr)) {
                    return new TcpSocket(new SocketDescriptor(fd));
                }
            }
            try (var fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
                for (var entry : fds) {
                    int fd = Integer.parseInt(entry.getFileName().toString());
                    if (fd > highest && claimIfMatches(fd, local, remote, sockaddr)) {
                        return new TcpSocket(new SocketDescriptor(fd));
                    }
                }
            }
        }
        throw new IOException("No descriptor of this process is the socket " + local + " -> " + remote);
    }

    private static boolean claimIfMatches(int fd, InetSocketAddress local, InetSocketAddress remote,
                                          MemorySegment sockaddr) {
        return !CLAIMED.contains(fd) && local.equals(name(fd, sockaddr, false))
                && Objects.equals(remote, name(fd, sockaddr, true)) && CLAIMED.add(fd);
    }

    /**
     * Gives the descriptor back: call it before the channel closes. A second call does nothing, so a
     * stale object never unclaims the number of the socket that holds it next.
     */
    public void release() {
        descriptor.letGo(CLAIMED::remove);
    }

    private static InetSocketAddress name(int fd, MemorySegment sockaddr, boolean peer) {
        try {
            sockaddr.fill((byte) 0);
            if (peer) {
                LibC.getpeername(fd, sockaddr);
            } else {
                LibC.getsockname(fd, sockaddr);
            }
            return SocketAddresses.read(sockaddr);
        } catch (LinuxException e) {
            return null; // not a socket, or no peer yet
        }
    }

    /** {@code TCP_USER_TIMEOUT}: how long sent data may stay unacknowledged; 0 is the kernel's default. */
    public void setUserTimeout(int millis) throws LinuxException {
        if (millis < 0) {
            throw new IllegalArgumentException("TCP_USER_TIMEOUT must be 0 or more ms: " + millis);
        }
        descriptor.setOption(SOL_TCP, TCP_USER_TIMEOUT, millis, "TCP_USER_TIMEOUT");
    }

    /** {@code TCP_LINGER2}: how long this socket lives as an orphan in FIN_WAIT2; 0 is the system's default. */
    public void setLinger2(int seconds) throws LinuxException {
        if (seconds < 0 || seconds > MAX_LINGER2_SECONDS) {
            throw new IllegalArgumentException("TCP_LINGER2 must be 0.." + MAX_LINGER2_SECONDS + " s: " + seconds);
        }
        descriptor.setOption(SOL_TCP, TCP_LINGER2, seconds, "TCP_LINGER2");
    }

    /** The kernel's {@code TCP_INFO} for this socket. */
    public TcpInfo tcpInfo() throws LinuxException {
        try (var arena = Arena.ofConfined()) {
            var info = arena.allocate(TcpInfo.LAYOUT);
            return TcpInfo.read(info, readTcpInfo(info));
        }
    }

    /** {@code TCP_INFO} into {@code info}, a {@link TcpInfo#LAYOUT}: how many bytes of it the kernel wrote. */
    int readTcpInfo(MemorySegment info) throws LinuxException {
        return descriptor.getOption(SOL_TCP, TCP_INFO, info, "TCP_INFO");
    }

    /**
     * Attaches a filter that drops every segment arriving at this socket, before TCP sees it: the
     * network is severed towards this side. Needs {@code CAP_NET_ADMIN} in the socket's network
     * namespace on current kernels.
     */
    public void attachDropAllFilter() throws LinuxException {
        attachFilter(SocketFilterProgram.DROP_ALL);
    }

    /**
     * Attaches {@code program}, in place of the filter attached before, if any: it decides, from then
     * on, which segments arriving at this socket reach TCP. Needs {@code CAP_NET_ADMIN} as
     * {@link #attachDropAllFilter()} does.
     */
    public void attachFilter(SocketFilterProgram program) throws LinuxException {
        try (var arena = Arena.ofConfined()) {
            descriptor.setOption(SOL_SOCKET, SO_ATTACH_FILTER, program.fprog(arena), "SO_ATTACH_FILTER");
        }
    }

    /**
     * Attaches the drop-all filter to a scratch TCP socket of our own: says, before any connection
     * exists, whether the kernel lets this process sever one.
     *
     * @throws LinuxException with {@link LinuxException#isPermissionDenied()} when it does not
     */
    public static void checkDropAllFilterAllowed() throws LinuxException {
        try (var scratch = SocketDescriptor.open(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) {
            new TcpSocket(scratch).attachDropAllFilter();
        }
    }

    /** Removes the socket filter: segments reach TCP again. */
    public void detachFilter() throws LinuxException {
        descriptor.setOption(SOL_SOCKET, SO_DETACH_FILTER, 0, "SO_DETACH_FILTER");
    }
}
