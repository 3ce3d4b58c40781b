package org.keepalivelab.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The C library calls the lab needs, each returning its result or throwing {@link LinuxException}
 * with the call's name and the kernel's reason. Every call captures its own {@code errno}, so the
 * capture and the I/O threads never see each other's.
 */
final class LibC {
    /** {@code socket(2)}'s families and types ({@code <linux/socket.h>}, {@code <linux/net.h>}). */
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int AF_PACKET = 17;
    static final int SOCK_STREAM = 1;
    static final int SOCK_DGRAM = 2;
    static final int SOCK_RAW = 3;
    static final int SOCK_CLOEXEC = 0x80000;
    /** The level of the options every socket has, whatever its family ({@code <asm-generic/socket.h>}). */
    static final int SOL_SOCKET = 1;
    /** {@code SO_ATTACH_FILTER}: a classic BPF program decides what reaches the socket ({@code <asm-generic/socket.h>}). */
    static final int SO_ATTACH_FILTER = 26;
    /** mmap(2)'s protections and flags ({@code <asm-generic/mman-common.h>}, {@code <linux/mman.h>}). */
    private static final int PROT_READ = 0x1;
    private static final int PROT_WRITE = 0x2;
    private static final int MAP_SHARED = 0x1;
    /** {@code MAP_FAILED}, mmap(2)'s answer when it fails: {@code (void *) -1}. */
    private static final long MAP_FAILED = -1L;

    private static final MethodHandle socket$mh = Native.downcallWithErrno("socket",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle close$mh = Native.downcallWithErrno("close",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle bind$mh = Native.downcallWithErrno("bind",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle setsockopt$mh = Native.downcallWithErrno("setsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle getsockopt$mh = Native.downcallWithErrno("getsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle getsockname$mh = Native.downcallWithErrno("getsockname",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle getpeername$mh = Native.downcallWithErrno("getpeername",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle sendto$mh = Native.downcallWithErrno("sendto",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle poll$mh = Native.downcallWithErrno("poll",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    private static final MethodHandle mmap$mh = Native.downcallWithErrno("mmap",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle munmap$mh = Native.downcallWithErrno("munmap",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle ioctl$mh = Native.downcallWithErrno("ioctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS),
            Linker.Option.firstVariadicArg(2));
    private static final MethodHandle if_nametoindex$mh = Native.downcallWithErrno("if_nametoindex",
            FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle strerror$mh = Native.downcall("strerror",
            FunctionDescriptor.of(ADDRESS, JAVA_INT));

    private LibC() {
    }

    /** socket(2): a new descriptor. */
    static int socket(int domain, int type, int protocol) throws LinuxException {
        return call("socket", errno -> (int) socket$mh.invokeExact(errno, domain, type, protocol));
    }

    /** close(2). */
    static void close(int fd) throws LinuxException {
        call("close", errno -> (int) close$mh.invokeExact(errno, fd));
    }

    /** bind(2) to the address in {@code sockaddr}. */
    static void bind(int fd, MemorySegment sockaddr) throws LinuxException {
        call("bind", errno -> (int) bind$mh.invokeExact(errno, fd, sockaddr, (int) sockaddr.byteSize()));
    }

    /** setsockopt(2) with the whole of {@code value}; {@code name} is for the error message. */
    static void setsockopt(int fd, int level, int option, MemorySegment value, String name) throws LinuxException {
        call("setsockopt(" + name + ")",
                errno -> (int) setsockopt$mh.invokeExact(errno, fd, level, option, value, (int) value.byteSize()));
    }

    /** setsockopt(2) with an {@code int} value. */
    static void setsockopt(int fd, int level, int option, int value, String name) throws LinuxException {
        try (var arena = Arena.ofConfined()) {
            setsockopt(fd, level, option, arena.allocateFrom(JAVA_INT, value), name);
        }
    }

    /** getsockopt(2) into {@code value}; returns how many bytes the kernel wrote. */
    static int getsockopt(int fd, int level, int option, MemorySegment value, String name) throws LinuxException {
        try (var arena = Arena.ofConfined()) {
            var length = arena.allocateFrom(JAVA_INT, (int) value.byteSize());
            call("getsockopt(" + name + ")",
                    errno -> (int) getsockopt$mh.invokeExact(errno, fd, level, option, value, length));
            return length.get(JAVA_INT, 0);
        }
    }

    /** getsockname(2) into {@code sockaddr}. */
    static void getsockname(int fd, MemorySegment sockaddr) throws LinuxException {
        try (var arena = Arena.ofConfined()) {
            var length = arena.allocateFrom(JAVA_INT, (int) sockaddr.byteSize());
            call("getsockname", errno -> (int) getsockname$mh.invokeExact(errno, fd, sockaddr, length));
        }
    }

    /** getpeername(2) into {@code sockaddr}. */
    static void getpeername(int fd, MemorySegment sockaddr) throws LinuxException {
        try (var arena = Arena.ofConfined()) {
            var length = arena.allocateFrom(JAVA_INT, (int) sockaddr.byteSize());
            call("getpeername", errno -> (int) getpeername$mh.invokeExact(errno, fd, sockaddr, length));
        }
    }

    /** sendto(2): all of {@code buffer} to the address in {@code sockaddr}; how many bytes went. */
    static int sendto(int fd, MemorySegment buffer, MemorySegment sockaddr) throws LinuxException {
        // A datagram of a few dozen bytes: its count fits an int, and -1 stays -1.
        return call("sendto", errno -> (int) (long) sendto$mh.invokeExact(errno, fd, buffer, buffer.byteSize(), 0,
                sockaddr, (int) sockaddr.byteSize()));
    }

    /**
     * poll(2) on the one descriptor in {@code pollfd}, with a caller-owned {@code errno} segment, for a
     * receive loop that must not allocate: how many descriptors are ready (0 or 1), 0 after
     * {@code timeoutMillis}, or -1 with the captured errno left in {@code errno}.
     */
    static int poll(MemorySegment errno, MemorySegment pollfd, int timeoutMillis) {
        try {
            return (int) poll$mh.invokeExact(errno, pollfd, 1L, timeoutMillis);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /**
     * mmap(2) of the first {@code length} bytes of the descriptor's memory (a packet socket's ring),
     * shared with the kernel, readable and writable; closing {@code arena} unmaps it.
     */
    @SuppressWarnings("restricted") // the kernel mapped exactly length bytes at this address
    static MemorySegment mmapShared(int fd, long length, Arena arena) throws LinuxException {
        MemorySegment address;
        try (var confined = Arena.ofConfined()) {
            var errno = confined.allocate(Native.CAPTURE_LAYOUT);
            try {
                address = (MemorySegment) mmap$mh.invokeExact(errno, MemorySegment.NULL, length,
                        PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0L);
            } catch (Throwable t) {
                throw new AssertionError(t);
            }
            if (address.address() == MAP_FAILED) {
                throw new LinuxException("mmap", Native.errno(errno));
            }
        }
        return address.reinterpret(length, arena, mapping -> munmap(mapping, length));
    }

    /** munmap(2); the mapping is gone even when it reports an error, so there is nothing to undo. */
    private static void munmap(MemorySegment mapping, long length) {
        try {
            call("munmap", errno -> (int) munmap$mh.invokeExact(errno, mapping, length));
        } catch (LinuxException e) {
            // only an address or length that was never mapped fails, and these are the kernel's own
        }
    }

    /** ioctl(2) with a pointer argument. */
    static void ioctl(int fd, long request, MemorySegment argument, String name) throws LinuxException {
        call("ioctl(" + name + ")", errno -> (int) ioctl$mh.invokeExact(errno, fd, request, argument));
    }

    /** if_nametoindex(3): the interface's index. */
    static int ifNameToIndex(String name) throws LinuxException {
        try (var arena = Arena.ofConfined()) {
            var cName = arena.allocateFrom(name);
            // Returns 0, not -1, on failure: map it to the usual convention.
            return call("if_nametoindex(" + name + ")", errno -> {
                int index = (int) if_nametoindex$mh.invokeExact(errno, cName);
                return index == 0 ? -1 : index;
            });
        }
    }

    /** strerror(3): the C library's text for an errno. */
    @SuppressWarnings("restricted") // the C library's own string, NUL-terminated within the bound
    static String strerror(int errno) {
        try {
            var text = (MemorySegment) strerror$mh.invokeExact(errno);
            return text.reinterpret(1024).getString(0);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** One native call that takes an errno capture segment first and returns -1 on failure. */
    @FunctionalInterface
    private interface Call {
        int invoke(MemorySegment errno) throws Throwable;
    }

    private static int call(String name, Call call) throws LinuxException {
        try (var arena = Arena.ofConfined()) {
            var errno = arena.allocate(Native.CAPTURE_LAYOUT);
            int rc;
            try {
                rc = call.invoke(errno);
            } catch (Throwable t) {
                throw new AssertionError(t);
            }
            if (rc == -1) {
                throw new LinuxException(name, Native.errno(errno));
            }
            return rc;
        }
    }
}
