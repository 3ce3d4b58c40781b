package org.keepalivelab.lab;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.keepalivelab.capture.Capture;
import org.keepalivelab.capture.PacketLog;
import org.keepalivelab.model.Action;
import org.keepalivelab.model.IdleMode;
import org.keepalivelab.model.LabClock;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.Timeline;

/**
 * The lab: a TCP server on {@code 127.0.0.1} and its clients, in this process, on the real kernel,
 * with every segment of their connections captured and the kernel's view of each socket sampled (as
 * far as the system and the process's privileges allow: {@link #mode()}), all recorded on one
 * {@link Timeline}.
 *
 * <p>Commands return at once and complete on the lab's event loop, which owns every socket; they
 * fail with a {@link LabException} whose message is fit for the user. Connections are numbered from 1
 * in order of connection.
 */
public final class Lab implements AutoCloseable {
    /** How many clients one Connect (or one script step) may open at once. */
    public static final Range CLIENTS_PER_CONNECT = new Range("clients per connect", 1, 1000, "");

    /** Room for a thousand clients connecting at once (the kernel caps it at {@code net.core.somaxconn}). */
    private static final int ACCEPT_BACKLOG = 4096;

    private final LabSettings initialSettings;
    private volatile LabSettings settings;
    private final LabClock clock = new LabClock();
    private final Timeline timeline = new Timeline();
    private final Journal journal = new Journal(timeline, clock);
    private final ServerSocketChannel server;
    private final InetSocketAddress serverAddress;
    private final EventLoop loop;
    private final LabCapture capture;
    private final String severProblem;
    private final String severIdleProblem;
    private final String resetProblem;
    private final Middleboxes middleboxes;
    private final LabMode mode;
    private final Isolation isolation;
    private final KernelView view;
    private final LabKernel kernel;
    private final Connections connections = new Connections();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private volatile String loopFailure;

    private Lab(LabSettings settings, Isolation isolation, ServerSocketChannel server) throws IOException {
        this.initialSettings = settings;
        this.settings = settings;
        this.isolation = isolation;
        this.server = server;
        this.serverAddress = (InetSocketAddress) server.getLocalAddress();
        this.capture = LabCapture.start(isolation, threadName("lab-capture"),
                new CaptureDirectory(serverAddress.getPort(), connections), timeline, clock, serverAddress.getAddress());
        this.severProblem = Privileges.severProblem(isolation);
        this.severIdleProblem = Privileges.severIdleProblem(isolation, capture.startProblem(), severProblem);
        this.resetProblem = severIdleProblem != null ? severIdleProblem : Privileges.forgeProblem(isolation);
        this.view = !isolation.linux() ? KernelView.NONE : capture.started() ? KernelView.CAPTURED : KernelView.SAMPLED;
        this.mode = LabMode.of(isolation, capture.started(), severProblem == null);
        try {
            var tick = new SamplingTick(connections.all(), view, serverAddress.getPort(), failure -> loopFailure = failure);
            loop = new EventLoop(threadName("lab-loop"), SamplingTick.PERIOD_NANOS, tick, e -> loopFailure = e.toString());
            kernel = new LabKernel(isolation, loop);
        } catch (IOException | RuntimeException e) {
            capture.close();
            throw e;
        }
        this.middleboxes = new Middleboxes(new ResetForger(isolation), capture.watermark());
    }

    /** Starts a lab in this process's own network namespace ({@link Isolation#HOST}). */
    public static Lab start(LabSettings settings) throws IOException {
        return start(settings, Isolation.HOST);
    }

    /**
     * Starts a lab: the server listens, the capture runs (when the process may capture), no client yet.
     *
     * @param isolation where this process runs, as {@link Startup#decide} found: it words the mode and
     *                  what to do about a missing privilege
     */
    public static Lab start(LabSettings settings, Isolation isolation) throws IOException {
        checkOffered(settings, isolation);
        var server = ServerSocketChannel.open();
        Lab lab;
        try {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), ACCEPT_BACKLOG);
            lab = new Lab(settings, isolation, server);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        try {
            lab.loop.submit(() -> lab.loop.register(server, SelectionKey.OP_ACCEPT,
                    key -> lab.connections.acceptAll(server))).join();
            return lab;
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    /**
     * Refuses settings the system under the lab does not offer: {@code TCP_USER_TIMEOUT} and the orphan
     * lifetime ({@code TCP_LINGER2}) are Linux socket options.
     *
     * @throws IllegalArgumentException saying which setting, and what to set it to
     */
    public static void checkOffered(LabSettings settings, Isolation isolation) {
        if (isolation.linux()) {
            return;
        }
        for (var socket : List.of(settings.server(), settings.client())) {
            if (socket.userTimeoutMillis() != 0) {
                throw new IllegalArgumentException("TCP_USER_TIMEOUT is a Linux socket option, and this is "
                        + isolation.detail() + ": leave it at 0 (off).");
            }
        }
        if (settings.orphanLifetimeSeconds() != LabSettings.KERNEL_DEFAULT_ORPHAN_LIFETIME
                || settings.serverOrphanLifetimeSeconds() != LabSettings.KERNEL_DEFAULT_ORPHAN_LIFETIME) {
            throw new IllegalArgumentException("The orphan lifetime is Linux's TCP_LINGER2, and this is "
                    + isolation.detail() + ": leave it at 0 (the system's default).");
        }
    }

    /** A name for one of this lab's threads: several labs may share a process (the tests' do). */
    public String threadName(String role) {
        return role + " :" + serverAddress.getPort();
    }

    public Timeline timeline() {
        return timeline;
    }

    public LabClock clock() {
        return clock;
    }

    public InetSocketAddress serverAddress() {
        return serverAddress;
    }

    /** The settings the lab started with, for the event log's header. */
    public LabSettings initialSettings() {
        return initialSettings;
    }

    /** The settings the next connection gets. */
    public LabSettings settings() {
        return settings;
    }

    /** @throws IllegalArgumentException for settings this system does not offer ({@link #checkOffered}) */
    public void setSettings(LabSettings settings) {
        checkOffered(settings, isolation);
        this.settings = settings;
    }

    /** Why segments are not being captured, or empty while the capture runs. */
    public Optional<String> captureProblem() {
        return capture.problem();
    }

    /** Why sever is refused, decided when the lab started; empty when it is available. */
    public Optional<String> severProblem() {
        return Optional.ofNullable(severProblem);
    }

    /** Why sever-idle in {@code mode} is refused, decided when the lab started; empty when it is available. */
    public Optional<String> severIdleProblem(IdleMode mode) {
        return Optional.ofNullable(mode == IdleMode.DROP ? severIdleProblem : resetProblem);
    }

    /**
     * Why {@code TCP_USER_TIMEOUT} and the orphan lifetime ({@code TCP_LINGER2}) cannot be set here
     * ({@link #checkOffered}); empty on Linux.
     */
    public Optional<String> linuxOptionsProblem() {
        return isolation.linux() ? Optional.empty() : Optional.of("TCP_USER_TIMEOUT and the orphan lifetime "
                + "(TCP_LINGER2) are Linux socket options, and this is " + isolation.detail() + ".");
    }

    /** The TCP sysctls of the lab's namespace: in force, and settable where the namespace is the lab's own. */
    public LabKernel kernel() {
        return kernel;
    }

    /** What the lab can do where it runs (capture, sever, private namespace) and the banner that says so. */
    public LabMode mode() {
        return mode;
    }

    /** The captured packets, for the pcap export; empty when the process may not capture. */
    public Optional<PacketLog> packets() {
        return capture.packets();
    }

    /** The capture's counters (packets, kernel drops, latency); empty when the process may not capture. */
    public Optional<Capture.Statistics> captureStatistics() {
        return capture.statistics();
    }

    /** A failure of the lab's own loop, or {@code null}: a bug if it ever happens. */
    public String loopFailure() {
        return loopFailure;
    }

    /** Each connection as last sampled, in order of connection. */
    public List<ConnectionStatus> connections() {
        return connections.statuses();
    }

    /** True once every connection's server application has seen its connection end. */
    public boolean allServersEnded() {
        return connections.allServersEnded(); // as last published: any thread
    }

    /** Opens a new connection with the current settings; completes with its number once both ends hold it. */
    public CompletableFuture<Integer> connect() {
        return connect(settings, "");
    }

    /**
     * Opens a new connection with settings of its own, which the lab's next connections do not get.
     *
     * @param label a short name the connection's lane title and the connection list show, or empty
     */
    public CompletableFuture<Integer> connect(LabSettings connectionSettings, String label) {
        try {
            checkOffered(connectionSettings, isolation);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new LabException(e.getMessage()));
        }
        return loop.submit(() -> {
            var conn = new Connection(connections.nextNumber(), connectionSettings, label, serverAddress, journal, loop,
                    readBuffer, view, middleboxes);
            connections.add(conn); // before the SYN, so the capture knows it
            journal.action(conn.id, new Action.Connect());
            conn.connect(serverAddress);
            // The loop runs a burst's connects before it selects again: accepting as they go keeps the
            // queue short where the system caps the listen backlog (macOS at 128). A failure to accept
            // is the loop's, as when the server's key is ready, not this connect's.
            try {
                connections.acceptAll(server);
            } catch (IOException e) {
                loopFailure = e.toString();
            }
            return conn.established;
        }).thenCompose(established -> established);
    }

    /** The client writes {@code bytes} bytes ("howdyhowdy…"). */
    public CompletableFuture<Void> send(int conn, int bytes) {
        return act(conn, new Action.Send(bytes));
    }

    /** The server writes {@code bytes} bytes to the client. */
    public CompletableFuture<Void> reply(int conn, int bytes) {
        return act(conn, new Action.Reply(bytes));
    }

    /** The client closes gracefully: FIN, read to EOF, close ({@code act} closes either side). */
    public CompletableFuture<Void> close(int conn) {
        return act(conn, new Action.Close());
    }

    /** The client process dies: its socket is closed at once, with no shutdown. */
    public CompletableFuture<Void> kill(int conn) {
        return act(conn, new Action.Kill());
    }

    /** The client aborts: RST. */
    public CompletableFuture<Void> abort(int conn) {
        return act(conn, new Action.Abort());
    }

    /** Nothing crosses the connection in the given directions any more. */
    public CompletableFuture<Void> sever(int conn, Sever sever) {
        return act(conn, sever.action());
    }

    /** Segments cross the connection again. */
    public CompletableFuture<Void> restore(int conn) {
        return act(conn, new Action.Restore());
    }

    /** Carries out {@code action} on connection {@code conn}; completes once it is done. */
    public CompletableFuture<Void> act(int conn, Action.OnConnection action) {
        if (action instanceof Action.Sever && severProblem != null) {
            return CompletableFuture.failedFuture(new LabException(severProblem));
        }
        if (action instanceof Action.SeverIdle idle && severIdleProblem(idle.mode()).isPresent()) {
            return CompletableFuture.failedFuture(new LabException(severIdleProblem(idle.mode()).get()));
        }
        return loop.submit(() -> {
            var connection = connections.named(conn);
            // Stamped when it begins, before its effects; recorded once done: a refused action never happened.
            long at = journal.now();
            switch (action) {
                case Action.Send send -> connection.send(Side.CLIENT, send.bytes());
                case Action.Reply reply -> connection.send(Side.SERVER, reply.bytes());
                case Action.Restore _ -> connection.restore();
                case Action.Close close -> connection.close(close.side());
                case Action.Kill kill -> connection.kill(kill.side());
                case Action.Abort abort -> connection.abort(abort.side());
                case Action.HalfClose _ -> connection.halfClose();
                case Action.Sever sever -> connection.sever(Sever.of(sever));
                case Action.SeverIdle idle -> connection.severIdle(idle);
                case Action.Forget _ -> throw new LabException("Only the lab's middlebox forgets a connection.");
            }
            journal.action(at, conn, action);
            return null;
        });
    }

    /** Closes every socket the lab's applications hold and ends the lab's threads. */
    @Override
    public void close() {
        loop.submit(() -> {
            connections.shutdown();
            server.close();
            middleboxes.close();
            return null;
        }).exceptionally(e -> null).join();
        loop.close();
        capture.close();
    }
}
