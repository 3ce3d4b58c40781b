package org.keepalivelab.lab;

import static java.nio.channels.SelectionKey.OP_READ;
import static java.nio.channels.SelectionKey.OP_WRITE;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Queue;
import jdk.net.ExtendedSocketOptions;
import org.keepalivelab.linux.ProcNetTcp;
import org.keepalivelab.linux.TcpSocket;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.TcpState;

/**
 * One end of a lab connection as its application holds it: the channel, the kernel socket behind it,
 * what the application has yet to write, and the kernel's view of the socket. Lives on the lab's event
 * loop; only {@link #written()} is read from another thread (the capture's).
 */
abstract sealed class Endpoint permits ClientEndpoint, ServerEndpoint {
    /** What a lab application sends: the seed's greeting, repeated to the length asked for. */
    private static final byte[] GREETING = "howdy".getBytes(StandardCharsets.US_ASCII);

    /**
     * What the two ends of one connection share.
     *
     * @param conn       the connection's number
     * @param readBuffer the loop's one buffer for every read: the lab counts what it reads, and keeps none
     * @param view       what the lab sees of the kernel: with {@link KernelView#NONE} an endpoint never
     *                   looks for its kernel socket
     */
    record Context(int conn, Journal journal, EventLoop loop, ByteBuffer readBuffer, KernelView view) {
    }

    final Side side;
    protected final int conn;
    protected final KernelView view;
    private final Journal journal;
    private final EventLoop loop;
    private final ByteBuffer readBuffer;
    private final KernelSampler sampler;

    protected SocketChannel channel;
    protected SelectionKey key;
    private TcpSocket socket;
    private final Queue<ByteBuffer> out = new ArrayDeque<>();
    /** Bytes the application has written: written by the loop only, read by the capture. */
    private volatile long written;

    Endpoint(Context context, Side side, int localPort, int remotePort) {
        this.side = side;
        this.conn = context.conn();
        this.view = context.view();
        this.journal = context.journal();
        this.loop = context.loop();
        this.readBuffer = context.readBuffer();
        this.sampler = new KernelSampler(conn, side, localPort, remotePort, journal, view == KernelView.SAMPLED);
    }

    /** True once this end has left its first phase: the client's connect is over, the server has accepted. */
    abstract boolean begun();

    /** Refuses a write the application can no longer make. */
    protected abstract void checkMaySend();

    /** What the application does after a read of data; by default, reads on. */
    protected void onRead() {
    }

    /** What the application does once its read ended the stream: EOF ({@code eof}) or an error. */
    protected abstract void onEnd(boolean eof) throws IOException;

    /** Takes {@code channel} on: finds the kernel socket behind it and sets this side's options. */
    protected final void hold(SocketChannel channel, InetSocketAddress remote, SocketSettings settings)
            throws IOException {
        this.channel = channel;
        // None off Linux, where Lab#checkOffered refuses the options that need one.
        socket = view == KernelView.NONE ? null : TcpSocket.of(channel, remote);
        var keepalive = settings.keepalive();
        channel.setOption(StandardSocketOptions.SO_KEEPALIVE, keepalive.enabled());
        if (keepalive.enabled()) {
            channel.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, keepalive.idle());
            channel.setOption(ExtendedSocketOptions.TCP_KEEPINTERVAL, keepalive.interval());
            if (keepalive.count() != KeepaliveSettings.KERNEL_DEFAULT_COUNT) {
                channel.setOption(ExtendedSocketOptions.TCP_KEEPCOUNT, keepalive.count());
            }
        }
        if (settings.userTimeoutMillis() != 0) {
            socket.setUserTimeout(settings.userTimeoutMillis());
        }
    }

    /** The kernel socket while the application holds it, else {@code null}. */
    final TcpSocket socket() {
        return socket;
    }

    protected final void register(int ops) throws IOException {
        key = loop.register(channel, ops, selected -> ready());
    }

    /** The channel is ready: writes what waits, then reads. */
    protected void ready() throws IOException {
        if (key.isValid() && key.isWritable()) {
            flush();
        }
        if (key.isValid() && key.isReadable()) {
            read();
        }
    }

    protected final void app(AppEventType event) {
        journal.app(conn, side, event);
    }

    protected final void app(AppEventType event, int bytes, String message) {
        journal.app(conn, side, event, bytes, message);
    }

    /** The application writes {@code bytes} bytes of greeting ("howdyhowdy…"), or as many as fit for now. */
    final void send(int bytes) throws IOException {
        checkMaySend();
        var buffer = ByteBuffer.allocate(bytes);
        for (int i = 0; i < bytes; i++) {
            buffer.put(GREETING[i % GREETING.length]);
        }
        out.add(buffer.flip());
        flush();
    }

    private void flush() throws IOException {
        try {
            while (!out.isEmpty()) {
                int n = channel.write(out.peek());
                if (n > 0) {
                    app(AppEventType.WRITE, n, null);
                    written += n;
                }
                if (out.peek().hasRemaining()) {
                    break; // the socket's send buffer is full
                }
                out.remove();
            }
        } catch (IOException e) {
            out.clear();
            app(AppEventType.ERROR, 0, e.getMessage());
        }
        key.interestOps(out.isEmpty() ? key.interestOps() & ~OP_WRITE : key.interestOps() | OP_WRITE);
    }

    /** For the capture: how many bytes the application has written. Any thread. */
    final long written() {
        return written;
    }

    /** One read; its data, its EOF or its error goes on the timeline. */
    protected final void read() throws IOException {
        boolean eof = false;
        try {
            int n = channel.read(readBuffer.clear());
            if (n == 0) {
                return; // nothing after all: a non-blocking read's 0 is not the end of the stream
            }
            if (n > 0) {
                app(AppEventType.READ, n, null);
                onRead();
                return;
            }
            app(AppEventType.EOF);
            eof = true;
        } catch (IOException e) {
            app(AppEventType.ERROR, 0, e.getMessage());
        }
        onEnd(eof);
    }

    protected final void stopReading() {
        key.interestOps(key.interestOps() & ~OP_READ);
    }

    /**
     * Closes at once, as a dying process's kernel does ({@link EventLoop#closeNow}). The kernel socket
     * is let go of first: the kernel reuses the descriptor's number as soon as the channel closes.
     */
    protected final void closeNow() throws IOException {
        releaseSocket();
        loop.closeNow(channel, key);
    }

    private void releaseSocket() {
        if (socket != null) {
            socket.release();
            socket = null;
        }
    }

    /**
     * Samples the kernel's view of this end, once it has begun; the socket table ({@code null} when not
     * read this time) answers for a socket the application let go of. Without a view of the kernel
     * there is nothing to sample.
     */
    void sample(ProcNetTcp.Table table) throws IOException {
        if (view != KernelView.NONE && begun()) {
            sampler.sample(socket, table);
        }
    }

    /** The kernel's view as last sampled. */
    final SideStatus status() {
        return sampler.last();
    }

    /** True while the socket the application let go of may still live in the kernel. */
    final boolean released() {
        return socket == null && begun() && status().state() != TcpState.CLOSED;
    }

    /** Closes what the application still holds (the lab is shutting down). */
    final void shutdown() throws IOException {
        releaseSocket();
        if (channel != null) {
            channel.close();
        }
    }
}
