package org.keepalivelab.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A socket's descriptor number, which its holder may use until it lets go of it, once. The kernel
 * hands a closed number to the next file the process opens, so a holder that called on after letting
 * go would act on someone else's file: every call goes through here and fails instead, and letting go
 * a second time does nothing. One state word, moved from OPEN to CLOSED by a single compare-and-set, as
 * Netty's {@code Socket} does.
 *
 * <p>The state word guards against a stale holder, not against a race: a holder lets go only once its
 * threads have stopped calling (the capture joins its thread, a connection samples on its own thread).
 */
final class SocketDescriptor implements AutoCloseable {
    private static final int OPEN = 0;
    private static final int CLOSED = 1;

    private final int number;
    private final AtomicInteger state = new AtomicInteger(OPEN);

    /** A descriptor someone else opened, such as a Java channel's. */
    SocketDescriptor(int number) {
        this.number = number;
    }

    /** socket(2): a new socket of this process's own, which {@link #close()} closes. */
    static SocketDescriptor open(int domain, int type, int protocol) throws LinuxException {
        return new SocketDescriptor(LibC.socket(domain, type, protocol));
    }

    /**
     * The number, for the call {@code name} about to use it.
     *
     * @throws IllegalStateException once this holder has let go of it
     */
    private int use(String name) {
        if (state.get() == CLOSED) {
            throw new IllegalStateException(name + " on a socket already closed or released (descriptor "
                    + number + ", which may belong to another file by now)");
        }
        return number;
    }

    void setOption(int level, int option, int value, String name) throws LinuxException {
        LibC.setsockopt(use(name), level, option, value, name);
    }

    void setOption(int level, int option, MemorySegment value, String name) throws LinuxException {
        LibC.setsockopt(use(name), level, option, value, name);
    }

    /** getsockopt(2) into {@code value}: how many bytes the kernel wrote. */
    int getOption(int level, int option, MemorySegment value, String name) throws LinuxException {
        return LibC.getsockopt(use(name), level, option, value, name);
    }

    void bind(MemorySegment sockaddr) throws LinuxException {
        LibC.bind(use("bind"), sockaddr);
    }

    void ioctl(long request, MemorySegment argument, String name) throws LinuxException {
        LibC.ioctl(use(name), request, argument, name);
    }

    /** sendto(2): all of {@code buffer}, one datagram, to the address in {@code sockaddr}. */
    void sendto(MemorySegment buffer, MemorySegment sockaddr) throws LinuxException {
        LibC.sendto(use("sendto"), buffer, sockaddr);
    }

    /**
     * {@link LibC#poll} on this descriptor, set into {@code pollfd} here so that a released holder's
     * stale number never reaches the kernel.
     */
    int poll(MemorySegment errno, MemorySegment pollfd, int timeoutMillis) {
        PollFd.setDescriptor(pollfd, use("poll"));
        return LibC.poll(errno, pollfd, timeoutMillis);
    }

    /** {@link LibC#mmapShared}: the socket's first {@code length} bytes, unmapped when {@code arena} closes. */
    MemorySegment mapShared(long length, Arena arena) throws LinuxException {
        return LibC.mmapShared(use("mmap"), length, arena);
    }

    /**
     * Stops using the number: the first call hands it to {@code then} (which closes it, or gives it back
     * to its owner), every later call does nothing.
     */
    void letGo(IntConsumer then) {
        if (state.compareAndSet(OPEN, CLOSED)) {
            then.accept(number);
        }
    }

    /** Lets go of the number and closes it; harmless a second time. */
    @Override
    public void close() {
        letGo(fd -> {
            try {
                LibC.close(fd);
            } catch (LinuxException e) {
                // Linux frees the number even when close(2) reports an error: nothing is left to undo
            }
        });
    }
}
