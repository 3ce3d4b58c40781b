package org.keepalivelab.lab;

import static java.nio.channels.SelectionKey.OP_CONNECT;
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
import java.util.EnumSet;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import jdk.net.ExtendedSocketOptions;
import org.keepalivelab.linux.KernelTimer;
import org.keepalivelab.linux.LinuxException;
import org.keepalivelab.linux.ProcNetTcp;
import org.keepalivelab.linux.TcpSocket;
import org.keepalivelab.linux.TcpInfo;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.TcpState;

/**
 * One lab connection, both ends: the client application's socket and the server application's
 * accepted socket, the faults applied to them, and the kernel's view of each. Lives on the lab's
 * event loop: every method but {@link #status()} and {@link #severedAt} runs on that thread.
 */
final class Connection {
    /** What a lab client sends: the seed's greeting, repeated to the length asked for. */
    private static final byte[] GREETING = "howdy".getBytes(StandardCharsets.US_ASCII);

    private enum ClientPhase { CONNECTING, OPEN, CLOSING, GONE }

    /** READING; HOLDING: a read-once server that stopped reading; DRAINING: its reads after the kernel closed. */
    private enum ServerPhase { PENDING, READING, HOLDING, DRAINING, ENDED, CLOSED }

    final int id;
    final int clientPort;
    private final int serverPort;
    final LabSettings settings;
    final CompletableFuture<Integer> established = new CompletableFuture<>();

    private final Journal journal;
    private final EventLoop loop;
    private final ByteBuffer readBuffer;
    private final SeverLog severLog = new SeverLog();
    private final KernelView view;

    private final SocketChannel client;
    private SelectionKey clientKey;
    private TcpSocket clientSocket;
    private ClientPhase clientPhase = ClientPhase.CONNECTING;
    private boolean clientSawEof;
    private final Queue<ByteBuffer> clientOut = new ArrayDeque<>();

    private SocketChannel server;
    private SelectionKey serverKey;
    private TcpSocket serverSocket;
    private ServerPhase serverPhase = ServerPhase.PENDING;
    private final Queue<ByteBuffer> serverOut = new ArrayDeque<>();
    /** Bytes each application has written: written by the loop only, read by the capture. */
    private volatile long clientWritten;
    private volatile long serverWritten;

    private SideStatus clientStatus = SideStatus.UNKNOWN;
    private SideStatus serverStatus = SideStatus.UNKNOWN;
    private volatile ConnectionStatus status;

    /**
     * Opens and configures the client's socket, bound to a port of its own but not yet connected.
     *
     * @param view what the lab sees of the kernel: with {@link KernelView#NONE} this connection never
     *             looks for its kernel sockets; with {@link KernelView#SAMPLED} it records a keep-alive
     *             probe, marked inferred, whenever a side's {@code TCP_INFO} probe count rises
     */
    Connection(int id, LabSettings settings, InetSocketAddress serverAddress, Journal journal, EventLoop loop,
               ByteBuffer readBuffer, KernelView view) throws IOException {
        this.id = id;
        this.view = view;
        this.settings = settings;
        this.journal = journal;
        this.loop = loop;
        this.readBuffer = readBuffer;
        this.serverPort = serverAddress.getPort();
        this.client = SocketChannel.open();
        try {
            client.bind(new InetSocketAddress(serverAddress.getAddress(), 0));
            this.clientPort = ((InetSocketAddress) client.getLocalAddress()).getPort();
            clientSocket = kernelSocket(client, null);
            configure(client, clientSocket, settings.client());
            if (settings.orphanLifetimeSeconds() != LabSettings.KERNEL_DEFAULT_ORPHAN_LIFETIME) {
                clientSocket.setLinger2(settings.orphanLifetimeSeconds());
            }
        } catch (IOException | RuntimeException e) {
            clientSocket = release(clientSocket);
            client.close();
            throw e;
        }
        publishStatus();
    }

    /** The kernel socket behind {@code channel}; none off Linux, where {@link Lab#checkOffered} needs none. */
    private TcpSocket kernelSocket(SocketChannel channel, InetSocketAddress remote) throws IOException {
        return view == KernelView.NONE ? null : TcpSocket.of(channel, remote);
    }

    private static void configure(SocketChannel channel, TcpSocket socket, SocketSettings settings)
            throws IOException {
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

    /** Starts the handshake; {@link #established} completes once both ends are connected. */
    void connect(InetSocketAddress serverAddress) throws IOException {
        clientKey = loop.register(client, OP_CONNECT, key -> onClientReady());
        try {
            if (client.connect(serverAddress)) {
                onClientReady();
            }
        } catch (IOException e) {
            connectFailed(e);
        }
    }

    /** The client's connect failed: it records the error and lets go; the server never had the connection. */
    private void connectFailed(IOException e) throws IOException {
        journal.app(id, Side.CLIENT, AppEventType.ERROR, 0, e.getMessage());
        releaseClient();
        established.completeExceptionally(new LabException("Connection " + id + " failed: " + e.getMessage()));
    }

    /** The server application accepted this connection. */
    void accepted(SocketChannel channel) throws IOException {
        server = channel;
        serverSocket = kernelSocket(channel, (InetSocketAddress) channel.getRemoteAddress());
        configure(channel, serverSocket, settings.server());
        serverKey = loop.register(channel, OP_READ, key -> onServerReady());
        serverPhase = ServerPhase.READING;
        journal.app(id, Side.SERVER, AppEventType.CONNECTED);
        completeIfEstablished();
    }

    private void onClientReady() throws IOException {
        if (clientPhase == ClientPhase.CONNECTING) {
            try {
                if (!client.finishConnect()) {
                    return;
                }
            } catch (IOException e) {
                connectFailed(e);
                return;
            }
            clientPhase = ClientPhase.OPEN;
            clientKey.interestOps(OP_READ);
            journal.app(id, Side.CLIENT, AppEventType.CONNECTED);
            completeIfEstablished();
            return;
        }
        if (clientKey.isValid() && clientKey.isWritable()) {
            flush(Side.CLIENT);
        }
        if (clientKey.isValid() && clientKey.isReadable()) {
            readClient();
        }
    }

    private void completeIfEstablished() {
        if (clientPhase != ClientPhase.CONNECTING && serverPhase != ServerPhase.PENDING) {
            established.complete(id);
        }
    }

    private void onServerReady() throws IOException {
        if (serverKey.isValid() && serverKey.isWritable()) {
            flush(Side.SERVER);
        }
        if (serverKey.isValid() && serverKey.isReadable()) {
            readServer();
        }
    }

    private void readClient() throws IOException {
        try {
            int n = client.read(readBuffer.clear());
            if (n == 0) {
                return; // nothing after all: a non-blocking read's 0 is not the end of the stream
            }
            if (n > 0) {
                journal.app(id, Side.CLIENT, AppEventType.READ, n, null);
                return;
            }
            journal.app(id, Side.CLIENT, AppEventType.EOF);
            clientSawEof = true;
        } catch (IOException e) {
            journal.app(id, Side.CLIENT, AppEventType.ERROR, 0, e.getMessage());
        }
        if (clientPhase == ClientPhase.CLOSING) {
            closeClient();
        } else {
            stopReading(clientKey);
        }
    }

    /**
     * Reads as the server's policy says; after the first message a read-once server stops reading. Off
     * Linux nothing tells the lab when the kernel ends the connection, so a held server goes on watching
     * its socket and makes its next read as soon as the socket is readable (data, EOF or an error).
     */
    private void readServer() throws IOException {
        try {
            int n = server.read(readBuffer.clear());
            if (n == 0) {
                return;
            }
            if (n > 0) {
                journal.app(id, Side.SERVER, AppEventType.READ, n, null);
                if (settings.serverPolicy() == ServerPolicy.READ_ONCE && serverPhase == ServerPhase.READING) {
                    serverPhase = ServerPhase.HOLDING;
                    if (view != KernelView.NONE) {
                        stopReading(serverKey);
                    }
                }
                return;
            }
            journal.app(id, Side.SERVER, AppEventType.EOF);
        } catch (IOException e) {
            journal.app(id, Side.SERVER, AppEventType.ERROR, 0, e.getMessage());
        }
        serverPhase = ServerPhase.ENDED;
        if (settings.serverPolicy() == ServerPolicy.READ_CLOSE) {
            serverSocket = release(serverSocket);
            loop.closeNow(server, serverKey);
            serverPhase = ServerPhase.CLOSED;
            journal.app(id, Side.SERVER, AppEventType.CLOSED);
        } else {
            stopReading(serverKey);
        }
    }

    /**
     * A server that stopped reading makes its next read once the kernel has ended the connection, so
     * the timeline shows what that read returns: EOF, or the error ("Connection timed out"). Data still
     * queued comes first, as it would for the application.
     */
    private void readServerAfterKernelClose() throws IOException {
        serverPhase = ServerPhase.DRAINING;
        for (int reads = 0; serverPhase == ServerPhase.DRAINING && reads < 1024; reads++) {
            readServer();
        }
    }

    private static void stopReading(SelectionKey key) {
        key.interestOps(key.interestOps() & ~OP_READ);
    }

    void send(Side side, int bytes) throws IOException {
        var buffer = ByteBuffer.allocate(bytes);
        for (int i = 0; i < bytes; i++) {
            buffer.put(GREETING[i % GREETING.length]);
        }
        if (side == Side.CLIENT) {
            requireClientHeld("send");
            clientOut.add(buffer.flip());
        } else {
            if (server == null || serverPhase == ServerPhase.CLOSED) {
                throw new LabException("Connection " + id + ": the server has closed its socket.");
            }
            serverOut.add(buffer.flip());
        }
        flush(side);
    }

    private void flush(Side side) throws IOException {
        var channel = side == Side.CLIENT ? client : server;
        var key = side == Side.CLIENT ? clientKey : serverKey;
        var out = side == Side.CLIENT ? clientOut : serverOut;
        try {
            while (!out.isEmpty()) {
                int n = channel.write(out.peek());
                if (n > 0) {
                    journal.app(id, side, AppEventType.WRITE, n, null);
                    if (side == Side.CLIENT) {
                        clientWritten += n;
                    } else {
                        serverWritten += n;
                    }
                }
                if (out.peek().hasRemaining()) {
                    break; // the socket's send buffer is full
                }
                out.remove();
            }
        } catch (IOException e) {
            out.clear();
            journal.app(id, side, AppEventType.ERROR, 0, e.getMessage());
        }
        key.interestOps(out.isEmpty() ? key.interestOps() & ~OP_WRITE : key.interestOps() | OP_WRITE);
    }

    /** Graceful close: shut down output (FIN), read to EOF, then close. */
    void close() throws IOException {
        requireClientHeld("close");
        if (clientPhase == ClientPhase.CLOSING) {
            return;
        }
        client.shutdownOutput();
        clientPhase = ClientPhase.CLOSING;
        if (clientSawEof) {
            closeClient();
        } else {
            clientKey.interestOps(clientKey.interestOps() | OP_READ);
        }
    }

    private void closeClient() throws IOException {
        releaseClient();
        journal.app(id, Side.CLIENT, AppEventType.CLOSED);
    }

    /** The client process dies: its kernel closes the socket at once, with no shutdown and no goodbye. */
    void kill() throws IOException {
        requireClientHeld("kill");
        releaseClient();
    }

    /** Abort: {@code SO_LINGER} 0 and close, so the kernel sends RST. */
    void abort() throws IOException {
        requireClientHeld("abort");
        client.setOption(StandardSocketOptions.SO_LINGER, 0);
        releaseClient();
        journal.app(id, Side.CLIENT, AppEventType.CLOSED, 0, "aborted: SO_LINGER 0");
    }

    private void releaseClient() throws IOException {
        clientSocket = release(clientSocket);
        clientPhase = ClientPhase.GONE;
        loop.closeNow(client, clientKey);
    }

    /** Lets go of a descriptor before its channel closes: the kernel reuses the number at once. */
    private static TcpSocket release(TcpSocket socket) {
        if (socket != null) {
            socket.release();
        }
        return null;
    }

    private void requireClientHeld(String action) {
        if (clientPhase == ClientPhase.GONE) {
            throw new LabException("Connection " + id + ": cannot " + action + ", the client no longer holds its socket.");
        }
        if (clientPhase == ClientPhase.CONNECTING) {
            throw new LabException("Connection " + id + ": cannot " + action + " before it is connected.");
        }
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

    private TcpSocket receiver(Direction dir) {
        return dir.receiver() == Side.CLIENT ? clientSocket : serverSocket;
    }

    /** For the capture: how many bytes the application sending {@code dir} has written. Any thread. */
    long bytesWritten(Direction dir) {
        return dir.sender() == Side.CLIENT ? clientWritten : serverWritten;
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
        return released(clientSocket, clientPhase != ClientPhase.CONNECTING, clientStatus)
                || released(serverSocket, serverPhase != ServerPhase.PENDING, serverStatus);
    }

    private static boolean released(TcpSocket socket, boolean opened, SideStatus last) {
        return socket == null && opened && last.state() != TcpState.CLOSED;
    }

    /**
     * Samples both sockets: {@code TCP_INFO} on the descriptors the applications hold, the kernel's
     * socket table (when {@code table} is not null) for the ones they let go of and for the kernel's
     * timers; records each change on the timeline. Without a view of the kernel, only publishes the
     * applications' status.
     */
    void sample(ProcNetTcp.Table table) throws IOException {
        try {
            if (view != KernelView.NONE) {
                sampleKernel(table);
            }
        } finally {
            publishStatus(); // what the applications did is published even when the kernel's view failed
        }
    }

    private void sampleKernel(ProcNetTcp.Table table) throws IOException {
        if (clientPhase != ClientPhase.CONNECTING) {
            clientStatus = sampleSide(Side.CLIENT, clientSocket, table, clientStatus);
        }
        if (serverPhase != ServerPhase.PENDING) {
            serverStatus = sampleSide(Side.SERVER, serverSocket, table, serverStatus);
            if (serverPhase == ServerPhase.HOLDING && serverStatus.state() == TcpState.CLOSED) {
                readServerAfterKernelClose();
            }
        }
    }

    /** One side's sample; {@code table} is null when the socket table was not read this time. */
    private SideStatus sampleSide(Side side, TcpSocket socket, ProcNetTcp.Table table, SideStatus before)
            throws LinuxException {
        var entry = table == null ? null
                : side == Side.CLIENT ? table.find(clientPort, serverPort) : table.find(serverPort, clientPort);
        TcpState state;
        int probes;
        boolean orphan = socket == null;
        if (socket != null) {
            TcpInfo info = socket.tcpInfo();
            state = info.state();
            probes = info.probes();
        } else if (entry != null) {
            state = entry.state();
            probes = entry.probes();
        } else {
            state = TcpState.CLOSED;
            probes = 0;
        }
        long sampledAt = journal.now();
        KernelTimer timer;
        long timerMillis;
        if (table != null) {
            timer = entry == null ? KernelTimer.NONE : entry.timer();
            timerMillis = entry == null ? 0 : entry.timerMillis();
        } else { // the table is read less often: count the last reading down
            timer = before.timer();
            timerMillis = Math.max(0, before.timerMillis() - (sampledAt - before.sampledAt()) / 1_000_000);
        }
        var now = new SideStatus(state, probes, orphan, timer, timerMillis, sampledAt);
        if (state != before.state() || probes != before.probes() || orphan != before.orphan()) {
            journal.state(id, side, state, probes, orphan);
        }
        if (view == KernelView.SAMPLED) {
            // An answered probe resets the count within microseconds, unseen by a 20 ms sample: only
            // unanswered probes, and the one that drew a RST, show up here.
            for (int sent = before.probes(); sent < probes; sent++) {
                journal.inferredKeepalive(id, side == Side.SERVER ? Direction.S2C : Direction.C2S);
            }
        }
        return now;
    }

    /** True once the server application has seen the end, or when the connection never reached it. */
    private boolean serverEnded() {
        return serverPhase == ServerPhase.ENDED || serverPhase == ServerPhase.CLOSED
                || serverPhase == ServerPhase.PENDING && clientPhase == ClientPhase.GONE;
    }

    private void publishStatus() {
        var severed = EnumSet.noneOf(Direction.class);
        for (var dir : Direction.values()) {
            if (severLog.isSevered(dir)) {
                severed.add(dir);
            }
        }
        status = new ConnectionStatus(id, settings, clientPhase == ClientPhase.OPEN || clientPhase == ClientPhase.CLOSING,
                clientPhase == ClientPhase.CLOSING, serverEnded(), clientStatus, serverStatus, severed);
    }

    /** The latest status; any thread. */
    ConnectionStatus status() {
        return status;
    }

    /** Closes whatever the applications still hold (the lab is shutting down). */
    void shutdown() throws IOException {
        clientSocket = release(clientSocket);
        serverSocket = release(serverSocket);
        client.close();
        if (server != null) {
            server.close();
        }
    }
}
