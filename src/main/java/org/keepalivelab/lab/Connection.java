package org.keepalivelab.lab;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.keepalivelab.capture.TcpSegment;
import org.keepalivelab.linux.LinuxException;
import org.keepalivelab.linux.ProcNetTcp;
import org.keepalivelab.linux.SocketFilterProgram;
import org.keepalivelab.linux.TcpSocket;
import org.keepalivelab.model.Action;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.IdleMode;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.TcpFlags;
import org.keepalivelab.model.TcpState;

/**
 * One lab connection: the client application's end and the server application's, the faults the lab
 * applies between them (a sever, a middlebox), and the status it publishes. Lives on the lab's event
 * loop: every method but {@link #status()} and the capture's ({@link #droppedAt}, {@link #crossed},
 * {@link #bytesWritten}) runs on that thread.
 */
final class Connection {
    final int id;
    final int clientPort;
    final CompletableFuture<Integer> established = new CompletableFuture<>();

    private final LabSettings settings;
    private final String label;
    private final Journal journal;
    private final EventLoop loop;
    private final InetSocketAddress serverAddress;
    private final InetSocketAddress clientAddress;
    private final Middleboxes middleboxes;
    private final SeverLog severLog = new SeverLog();
    private final ReceiveNext receiveNext = new ReceiveNext();
    /** The middlebox a sever-idle armed, until a restore takes it out; the capture reads it. */
    private volatile Middlebox middlebox;
    private final ClientEndpoint client;
    private final ServerEndpoint server;
    /** Both ends by side; filled in the constructor, then only read (the capture's thread too). */
    private final Map<Side, Endpoint> ends = new EnumMap<>(Side.class);
    private volatile ConnectionStatus status;

    /**
     * Opens and configures the client's socket, bound to a port of its own but not yet connected.
     *
     * @param view what the lab sees of the kernel: with {@link KernelView#NONE} this connection never
     *             looks for its kernel sockets; with {@link KernelView#SAMPLED} it records a keep-alive
     *             probe, marked inferred, whenever a side's {@code TCP_INFO} probe count rises
     * @param label a short name for the connection, or empty
     * @param middleboxes what a middlebox armed on this connection shares with the lab's others
     */
    Connection(int id, LabSettings settings, String label, InetSocketAddress serverAddress, Journal journal,
               EventLoop loop, ByteBuffer readBuffer, KernelView view, Middleboxes middleboxes) throws IOException {
        this.id = id;
        this.settings = settings;
        this.label = label;
        this.journal = journal;
        this.loop = loop;
        this.serverAddress = serverAddress;
        this.middleboxes = middleboxes;
        var context = new Endpoint.Context(id, journal, loop, readBuffer, view);
        this.client = new ClientEndpoint(context, serverAddress, settings);
        this.clientPort = client.port;
        this.clientAddress = new InetSocketAddress(serverAddress.getAddress(), clientPort); // bound there
        this.server = new ServerEndpoint(context, serverAddress.getPort(), clientPort, settings);
        ends.put(Side.CLIENT, client);
        ends.put(Side.SERVER, server);
        publishStatus();
    }

    /** Starts the handshake; {@link #established} completes once both ends are connected. */
    void connect(InetSocketAddress serverAddress) throws IOException {
        client.connect(serverAddress).whenComplete((connected, failure) -> {
            if (failure == null) {
                completeIfEstablished();
            } else { // the server never had the connection
                established.completeExceptionally(new LabException("Connection " + id + " failed: " + failure.getMessage()));
            }
        });
    }

    /** The server application accepted this connection. */
    void accepted(SocketChannel channel) throws IOException {
        server.accepted(channel);
        completeIfEstablished();
    }

    private void completeIfEstablished() {
        if (client.begun() && server.begun()) {
            established.complete(id);
        }
    }

    /** The application at {@code side} writes {@code bytes} bytes ("howdyhowdy…"). */
    void send(Side side, int bytes) throws IOException {
        ends.get(side).send(bytes);
    }

    /** Graceful close at {@code side}: shut down output (FIN), read to EOF, then close. */
    void close(Side side) throws IOException {
        ends.get(side).close();
    }

    /** The process at {@code side} dies: its kernel closes the socket at once, with no shutdown and no goodbye. */
    void kill(Side side) throws IOException {
        ends.get(side).kill();
    }

    /** Abort at {@code side}: {@code SO_LINGER} 0 and close, so the kernel sends RST. */
    void abort(Side side) throws IOException {
        ends.get(side).abort();
    }

    /** The client shuts its output down (FIN) and keeps its socket, reading on. */
    void halfClose() throws IOException {
        client.halfClose();
    }

    /**
     * Puts a middlebox between the ends that forgets this connection once nothing crossed for
     * {@code idle.seconds()} ({@link Middlebox}). It filters what arrives at each end, so both
     * applications must hold their sockets now: an orphan has no descriptor to filter.
     */
    void severIdle(Action.SeverIdle idle) {
        if (!Middlebox.IDLE_SECONDS.contains(idle.seconds())) {
            throw new LabException("Connection " + id + ": " + Middlebox.IDLE_SECONDS.name() + " must be "
                    + Middlebox.IDLE_SECONDS + ", not " + idle.seconds() + ".");
        }
        if (middlebox != null) {
            throw new LabException("Connection " + id + " has a middlebox already (" + middlebox
                    + "): restore takes it out.");
        }
        for (var side : Side.values()) {
            if (ends.get(side).socket() == null) {
                throw new LabException("Connection " + id + ": sever-idle filters what arrives at each end, and the "
                        + side.label() + " no longer holds its socket (an orphan has no descriptor to filter): "
                        + "arm it while both applications hold theirs.");
            }
        }
        if (idle.mode() == IdleMode.RESET) {
            if (!(serverAddress.getAddress() instanceof Inet4Address)) {
                throw new LabException("Connection " + id + ": sever-idle reset forges IPv4 RSTs, and the server "
                        + "listens on " + serverAddress.getAddress().getHostAddress() + ".");
            }
            middleboxes.forger().open();
        }
        var armed = new Middlebox(id, idle, journal, loop, middleboxes.watermark(), this::cutForMiddlebox,
                trigger -> middleboxes.forger().resetBoth(clientAddress, serverAddress, receiveNext, trigger));
        armed.arm();
        middlebox = armed;
    }

    /**
     * The middlebox forgot: {@code program} on each end that still holds its socket, unless a sever's
     * stricter filter is there already. The directions filtered from then on.
     */
    private Set<Direction> cutForMiddlebox(SocketFilterProgram program) throws IOException {
        var reachable = EnumSet.noneOf(Direction.class);
        for (var dir : Direction.values()) {
            if (receiver(dir) != null) {
                reachable.add(dir);
            }
        }
        cut(reachable, program);
        var cut = EnumSet.noneOf(Direction.class);
        for (var dir : Direction.values()) {
            if (severLog.isSevered(dir)) {
                cut.add(dir);
            }
        }
        return cut;
    }

    /** Drops every segment arriving at the receiving socket of each direction. */
    void sever(Sever sever) throws IOException {
        for (var dir : sever.directions()) {
            if (receiver(dir) == null) {
                throw new LabException("Connection " + id + ": cannot sever " + dir.label() + ", the "
                        + dir.receiver().label() + " no longer holds its socket.");
            }
        }
        cut(sever.directions(), SocketFilterProgram.DROP_ALL);
    }

    /**
     * Attaches {@code program} to the receiving socket of each of {@code directions} that has no filter
     * or a laxer one; all of them or, when the kernel refuses one, none.
     */
    private void cut(Set<Direction> directions, SocketFilterProgram program) throws LinuxException {
        var attached = EnumSet.noneOf(Direction.class);
        try {
            for (var dir : directions) {
                var before = severLog.current(dir);
                if (before == null || program.stricterThan(before)) {
                    receiver(dir).attachFilter(program);
                    attached.add(dir);
                }
            }
        } catch (LinuxException e) {
            for (var dir : attached) {
                var before = severLog.current(dir);
                if (before == null) {
                    receiver(dir).detachFilter();
                } else {
                    receiver(dir).attachFilter(before);
                }
            }
            throw e;
        }
        long t = journal.now();
        attached.forEach(dir -> severLog.cut(dir, t, program));
        publishStatus();
    }

    /**
     * Segments cross again: every filter comes off, a sever's or a middlebox's, and a middlebox armed on
     * this connection is taken out of the path (a new sever-idle arms another).
     */
    void restore() throws IOException {
        if (middlebox != null) {
            middlebox.remove();
            middlebox = null;
        }
        for (var dir : Direction.values()) {
            if (severLog.isSevered(dir)) {
                var socket = receiver(dir);
                if (socket != null) {
                    socket.detachFilter();
                }
                severLog.restore(dir, journal.now());
            }
        }
        publishStatus();
    }

    /** The kernel socket {@code dir} arrives at, or {@code null} once its application let go of it. */
    private TcpSocket receiver(Direction dir) {
        return ends.get(dir.receiver()).socket();
    }

    /** For the capture: how many bytes the application sending {@code dir} has written. Any thread. */
    long bytesWritten(Direction dir) {
        return ends.get(dir.sender()).written();
    }

    /** For the capture: was a segment going {@code dir} with these TCP flags, at lab time {@code t}, filtered out? */
    boolean droppedAt(Direction dir, long t, int tcpFlags) {
        return severLog.droppedAt(dir, t, tcpFlags);
    }

    /**
     * For the capture, on its thread: {@code segment} went {@code dir} at lab time {@code t}, past the
     * middlebox (if one is armed) and, unless {@code dropped}, on to its receiver.
     */
    void crossed(Direction dir, long t, TcpSegment segment, boolean dropped) {
        if (!dropped) {
            receiveNext.delivered(dir, segment);
        }
        if (TcpFlags.has(segment.flags(), TcpFlags.RST)) {
            // A RST's sender has no socket for the connection any more (an abort, a give-up: tcp_done; or it
            // had none), and one that arrives resets its receiver's: later segments for them meet no filter.
            severLog.receiverGone(dir.reverse(), t);
            if (!dropped) {
                severLog.receiverGone(dir, t);
            }
        }
        var box = middlebox;
        if (box != null) {
            box.crossed(dir, t, segment.flags());
        }
    }

    /**
     * True while a socket the applications let go of may still live in the kernel: only the kernel's
     * socket table can say what it does.
     */
    boolean needsSocketTable() {
        return client.inSocketTable() || server.inSocketTable();
    }

    /**
     * Samples both sockets: {@code TCP_INFO} on the descriptors the applications hold, the kernel's
     * socket table (when {@code table} is not null) for the ones they let go of and for the kernel's
     * timers; records each change on the timeline. Without a view of the kernel, only publishes the
     * applications' status.
     */
    void sample(ProcNetTcp.Table table) throws IOException {
        try {
            client.sample(table);
            server.sample(table);
            if (established.isDone()) { // before the handshake, a socket is CLOSED too
                for (var side : Side.values()) {
                    var found = ends.get(side).status();
                    if (found.state() == TcpState.CLOSED || found.state() == TcpState.TIME_WAIT) {
                        // its socket left the lookup (a timewait socket has no filter) by this sample
                        severLog.receiverGone(Direction.sentBy(side.peer()), found.sampledAt());
                    }
                }
            }
        } finally {
            publishStatus(); // what the applications did is published even when the kernel's view failed
        }
    }

    /** True once the server application has seen the end, or when the connection never reached it. */
    private boolean serverEnded() {
        return server.ended() || !server.begun() && client.holding() == Holding.GONE;
    }

    private void publishStatus() {
        var severed = EnumSet.noneOf(Direction.class);
        for (var dir : Direction.values()) {
            if (severLog.isSevered(dir)) {
                severed.add(dir);
            }
        }
        status = new ConnectionStatus(id, clientPort, settings, label, client.holding(), server.holding(),
                serverEnded(), client.status(), server.status(), severed);
    }

    /** The latest status; any thread. */
    ConnectionStatus status() {
        return status;
    }

    /** Closes whatever the applications still hold (the lab is shutting down). */
    void shutdown() throws IOException {
        try {
            client.shutdown();
        } finally {
            server.shutdown();
        }
    }
}
