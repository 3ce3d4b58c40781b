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
import org.keepalivelab.model.Action;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.Side;

/**
 * One end of a lab connection as its application holds it: the channel, the kernel socket behind it,
 * what the application has yet to write, the kernel's view of the socket, and the ways either
 * application lets go of it: a graceful close, being killed, an abort. Lives on the lab's event loop;
 * only {@link #written()} is read from another thread (the capture's).
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
    private Holding holding = Holding.NOT_YET;
    /** What this end's reads have seen of the stream's end: nothing yet, EOF, or an error. */
    private StreamEnd streamEnd = StreamEnd.NONE;
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

    private enum StreamEnd { NONE, EOF, ERROR }

    /** True once this end has left its first phase: the client's connect is over, the server has accepted. */
    final boolean begun() {
        return holding != Holding.NOT_YET;
    }

    final Holding holding() {
        return holding;
    }

    /** The application has its connection: connected, or accepted. */
    protected final void opened() {
        holding = Holding.OPEN;
    }

    /** What the application does after a read of data, unless it is closing; by default, reads on. */
    protected void onRead() {
    }

    /** What the application does once its read ended the stream, unless it is closing: EOF ({@code eof}) or an error. */
    protected abstract void onEnd(boolean eof) throws IOException;

    /**
     * Takes {@code channel} on: finds the kernel socket behind it and sets this side's options.
     *
     * @param orphanLifetimeSeconds {@code TCP_LINGER2}, or {@link LabSettings#KERNEL_DEFAULT_ORPHAN_LIFETIME}
     */
    protected final void hold(SocketChannel channel, InetSocketAddress remote, SocketSettings settings,
                              int orphanLifetimeSeconds) throws IOException {
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
        if (orphanLifetimeSeconds != LabSettings.KERNEL_DEFAULT_ORPHAN_LIFETIME) {
            socket.setLinger2(orphanLifetimeSeconds);
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
        String verb = side == Side.CLIENT ? "send" : "reply";
        requireHeld(verb);
        if (holding != Holding.OPEN) {
            throw new LabException("Connection " + conn + ": cannot " + verb + ", the " + side.label()
                    + " has shut its output down (FIN): it writes nothing more.");
        }
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
                if (holding != Holding.CLOSING) {
                    onRead();
                }
                return;
            }
            app(AppEventType.EOF);
            eof = true;
        } catch (IOException e) {
            app(AppEventType.ERROR, 0, e.getMessage());
        }
        streamEnd = eof ? StreamEnd.EOF : StreamEnd.ERROR;
        if (holding == Holding.CLOSING) {
            closed();
        } else {
            onEnd(eof);
        }
    }

    /**
     * Graceful close: shut down output (FIN), read to EOF, then close. After EOF it closes at once; after
     * an error the kernel has ended the connection already, and the close only lets go of the descriptor.
     */
    final void close() throws IOException {
        requireHeld(new Action.Close(side));
        if (holding == Holding.CLOSING) {
            return;
        }
        if (streamEnd == StreamEnd.ERROR) {
            closed();
            return;
        }
        if (holding == Holding.OPEN) {
            channel.shutdownOutput();
        }
        holding = Holding.CLOSING;
        if (streamEnd == StreamEnd.EOF) {
            closed();
        } else {
            key.interestOps(key.interestOps() | OP_READ);
        }
    }

    /** The application closed its socket: it is gone. */
    protected final void closed() throws IOException {
        letGo();
        app(AppEventType.CLOSED);
    }

    /**
     * Half-close: shut down output (FIN) and keep the socket, reading on. The kernel arms no FIN_WAIT2
     * timer for a socket its application still holds (net/ipv4/tcp_input.c, tcp_rcv_state_process: the
     * FIN_WAIT1 case arms the orphan's timer only for a SOCK_DEAD socket), so it waits there for ever.
     */
    final void halfClose() throws IOException {
        requireHeld(new Action.HalfClose());
        if (holding != Holding.OPEN) {
            throw new LabException("Connection " + conn + ": cannot half-close, the " + side.label()
                    + " has shut its output down already.");
        }
        channel.shutdownOutput();
        holding = Holding.OUTPUT_SHUT;
    }

    /**
     * The process dies: its kernel closes the socket at once, with no shutdown and no goodbye. The bare
     * close is {@link #closeNow}: Java would shut the output down first for a channel still registered.
     */
    final void kill() throws IOException {
        requireHeld(new Action.Kill(side));
        letGo();
    }

    /** Abort: {@code SO_LINGER} 0 and close, so the kernel sends RST. */
    final void abort() throws IOException {
        requireHeld(new Action.Abort(side));
        channel.setOption(StandardSocketOptions.SO_LINGER, 0);
        letGo();
        app(AppEventType.CLOSED, 0, "aborted: SO_LINGER 0");
    }

    /** The application lets go of its socket at once. */
    protected final void letGo() throws IOException {
        holding = Holding.GONE;
        closeNow();
    }

    private void requireHeld(Action action) {
        requireHeld(action.scriptText());
    }

    /** Refuses {@code what} (a script's words: "kill server") unless the application holds its socket. */
    private void requireHeld(String what) {
        if (holding == Holding.GONE) {
            throw new LabException("Connection " + conn + ": cannot " + what + ", the " + side.label()
                    + " no longer holds its socket.");
        }
        if (holding == Holding.NOT_YET) {
            throw new LabException("Connection " + conn + ": cannot " + what + " before it is connected.");
        }
    }

    protected final void stopReading() {
        key.interestOps(key.interestOps() & ~OP_READ);
    }

    /**
     * Closes at once, as a dying process's kernel does ({@link EventLoop#closeNow}). The kernel socket
     * is let go of first: the kernel reuses the descriptor's number as soon as the channel closes.
     */
    private void closeNow() throws IOException {
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

    /**
     * True while only the kernel's socket table can say what this end's socket does: the application let
     * go of it and it may still live in the kernel, or the connection moved to a timewait socket.
     */
    final boolean inSocketTable() {
        return begun() && sampler.needsTable(socket != null);
    }

    /** Closes what the application still holds (the lab is shutting down). */
    final void shutdown() throws IOException {
        releaseSocket();
        if (channel != null) {
            channel.close();
        }
    }
}
