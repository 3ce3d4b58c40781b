package org.keepalivelab.lab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.keepalivelab.linux.LinuxException;
import org.keepalivelab.linux.ProcNetTcp;
import org.keepalivelab.linux.TcpSocket;
import org.keepalivelab.model.Action;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.Side;

/**
 * One lab connection: the client application's end and the server application's, the faults the lab
 * applies between them, and the status it publishes. Lives on the lab's event loop: every method but
 * {@link #status()}, {@link #severedAt} and {@link #bytesWritten} runs on that thread.
 */
final class Connection {
    final int id;
    final int clientPort;
    final CompletableFuture<Integer> established = new CompletableFuture<>();

    private final LabSettings settings;
    private final String label;
    private final Journal journal;
    private final SeverLog severLog = new SeverLog();
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
     */
    Connection(int id, LabSettings settings, String label, InetSocketAddress serverAddress, Journal journal,
               EventLoop loop, ByteBuffer readBuffer, KernelView view) throws IOException {
        this.id = id;
        this.settings = settings;
        this.label = label;
        this.journal = journal;
        var context = new Endpoint.Context(id, journal, loop, readBuffer, view);
        this.client = new ClientEndpoint(context, serverAddress, settings);
        this.clientPort = client.port;
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

    // SEAM: issue 11's sever-idle helper builds this.
    void severIdle(Action.SeverIdle idle) {
        throw new LabException("Connection " + id + ": sever-idle is not built yet.");
    }

    /** Drops every segment arriving at the receiving socket of each direction. */
    void sever(Sever sever) throws IOException {
        for (var dir : sever.directions()) {
            if (receiver(dir) == null) {
                throw new LabException("Connection " + id + ": cannot sever " + dir.label() + ", the "
                        + dir.receiver().label() + " no longer holds its socket.");
            }
        }
        var attached = EnumSet.noneOf(Direction.class);
        try {
            for (var dir : sever.directions()) {
                if (!severLog.isSevered(dir)) {
                    receiver(dir).attachDropAllFilter();
                    attached.add(dir);
                }
            }
        } catch (LinuxException e) {
            for (var dir : attached) {
                receiver(dir).detachFilter();
            }
            throw e;
        }
        long t = journal.now();
        attached.forEach(dir -> severLog.sever(dir, t));
        publishStatus();
    }

    void restore() throws IOException {
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

    /** For the capture: was {@code dir} severed at lab time {@code t}? Any thread. */
    boolean severedAt(Direction dir, long t) {
        return severLog.severedAt(dir, t);
    }

    /**
     * True while a socket the applications let go of may still live in the kernel: only the kernel's
     * socket table can say what it does.
     */
    boolean needsSocketTable() {
        return client.released() || server.released();
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
