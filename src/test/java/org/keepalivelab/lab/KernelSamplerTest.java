package org.keepalivelab.lab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Map;
import jdk.net.ExtendedSocketOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.keepalivelab.linux.KernelTimer;
import org.keepalivelab.linux.ProcNetTcp;
import org.keepalivelab.linux.TcpSocket;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.LabClock;
import org.keepalivelab.model.SegmentEvent;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.StateEvent;
import org.keepalivelab.model.TcpState;
import org.keepalivelab.model.Timeline;

/**
 * One socket's samples on a real loopback connection: {@code TCP_INFO} while it is held, the kernel's
 * socket table once it is let go of, the table's timer counted down between reads, each change
 * journaled once, and unanswered probes inferred only when asked.
 */
@Execution(ExecutionMode.CONCURRENT)
class KernelSamplerTest {
    private final Timeline timeline = new Timeline();
    private final Journal journal = new Journal(timeline, new LabClock());
    private ServerSocketChannel listener;
    private SocketChannel client;
    private SocketChannel server;
    private TcpSocket clientSocket;
    private TcpSocket serverSocket;

    @BeforeEach
    void connect() throws IOException {
        listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        client = SocketChannel.open(listener.getLocalAddress());
        server = listener.accept();
        clientSocket = TcpSocket.of(client, (InetSocketAddress) client.getRemoteAddress());
        serverSocket = TcpSocket.of(server, (InetSocketAddress) server.getRemoteAddress());
    }

    @AfterEach
    void close() throws IOException {
        clientSocket.release(); // before the channels close: the kernel reuses their numbers at once
        serverSocket.release();
        client.close();
        server.close();
        listener.close();
    }

    @Test
    void heldSocketIsReadThroughTcpInfoAndItsStateJournaledOnce() throws IOException {
        var sampler = clientSampler(1, false);
        sampler.sample(clientSocket, null);
        sampler.sample(clientSocket, null);

        var last = sampler.last();
        assertAll(
                () -> assertEquals(TcpState.ESTABLISHED, last.state()),
                () -> assertEquals(0, last.probes()),
                () -> assertFalse(last.orphan()),
                () -> assertEquals(KernelTimer.NONE, last.timer(), "no table read yet"),
                () -> assertEquals(List.of(new StateEvent(eventTime(0), 1, Side.CLIENT, TcpState.ESTABLISHED, 0, false)),
                        timeline.snapshot()));
    }

    @Test
    void letGoSocketIsFoundInTheTable() throws IOException {
        var sampler = clientSampler(1, false);
        sampler.sample(null, ProcNetTcp.withPort(listener.socket().getLocalPort()));

        assertEquals(List.of(new StateEvent(eventTime(0), 1, Side.CLIENT, TcpState.ESTABLISHED, 0, true)),
                timeline.snapshot(), "the application let go of it, the kernel still has it");
    }

    @Test
    void tablesTimerIsCountedDownBetweenReads() throws Exception {
        client.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
        client.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, 60);
        var sampler = clientSampler(1, false);
        sampler.sample(clientSocket, ProcNetTcp.withPort(listener.socket().getLocalPort()));
        var read = sampler.last();
        Thread.sleep(30);
        sampler.sample(clientSocket, null);
        var counted = sampler.last();

        assertAll(
                () -> assertEquals(KernelTimer.KEEPALIVE, read.timer()),
                () -> assertTrue(read.timerMillis() > 0 && read.timerMillis() <= 60_000, read::toString),
                () -> assertEquals(KernelTimer.KEEPALIVE, counted.timer()),
                () -> assertEquals(read.timerMillis() - (counted.sampledAt() - read.sampledAt()) / 1_000_000,
                        counted.timerMillis()),
                () -> assertTrue(counted.timerMillis() < read.timerMillis(), counted::toString),
                () -> assertEquals(1, timeline.size(), "the count-down is no change of state"));
    }

    @Test
    void heldSocketInTimeWaitIsFoundInTheTableThenLetGoAndGone() throws Exception {
        var sampler = clientSampler(1, false);
        sampler.sample(clientSocket, null);
        client.shutdownOutput(); // the client closes first: FIN, FIN_WAIT2 ...
        server.shutdownOutput(); // ... the server's FIN: TIME_WAIT, in a timewait socket of its own
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (clientSocket.tcpInfo().state() != TcpState.CLOSED && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(TcpState.CLOSED, clientSocket.tcpInfo().state(), "TCP_INFO on the held descriptor says CLOSE");
        sampler.sample(clientSocket, null); // no table this time: the sampler reads it itself
        boolean heldNeedsTable = sampler.needsTable(true);
        sampler.sample(clientSocket, ProcNetTcp.withPort(listener.socket().getLocalPort()));
        sampler.sample(null, ProcNetTcp.withPort(listener.socket().getLocalPort())); // the application let go
        sampler.sample(null, new ProcNetTcp.Table(Map.of())); // 60 s later (TCP_TIMEWAIT_LEN): gone

        var states = timeline.snapshot().stream().map(e -> (StateEvent) e)
                .map(e -> e.state() + (e.orphan() ? " orphan" : "")).toList();
        assertAll(
                () -> assertEquals(List.of("ESTABLISHED", "TIME_WAIT", "TIME_WAIT orphan", "CLOSED orphan"), states),
                () -> assertTrue(heldNeedsTable, "a held socket in TIME_WAIT is followed in the table"),
                () -> assertFalse(sampler.needsTable(false), "gone: nothing more to follow"));
    }

    @Test
    void heldSocketResetIsClosedNotLookedForAgain() throws Exception {
        var sampler = clientSampler(1, false);
        sampler.sample(clientSocket, null);
        server.setOption(StandardSocketOptions.SO_LINGER, 0);
        serverSocket.release();
        server.close(); // RST: the client's connection is gone, no timewait socket
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (clientSocket.tcpInfo().state() != TcpState.CLOSED && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        sampler.sample(clientSocket, null);

        assertAll(
                () -> assertEquals(TcpState.CLOSED, sampler.last().state()),
                () -> assertFalse(sampler.needsTable(true), "a CLOSED held socket needs no table"));
    }

    @Test
    void socketNeitherHeldNorInTheTableIsClosed() throws IOException {
        var sampler = clientSampler(1, false);
        sampler.sample(null, new ProcNetTcp.Table(Map.of()));

        assertEquals(new SideStatus(TcpState.CLOSED, 0, true, KernelTimer.NONE, 0, sampler.last().sampledAt()),
                sampler.last());
    }

    @Test
    void unansweredProbesAreInferredOnlyWhenAsked() throws Exception {
        client.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
        client.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, 1);
        client.setOption(ExtendedSocketOptions.TCP_KEEPINTERVAL, 1);
        serverSocket.attachDropAllFilter(); // the client's probes go unanswered
        var inferring = clientSampler(1, true);
        var quiet = clientSampler(2, false);
        long deadline = System.nanoTime() + 6_000_000_000L;
        while (inferring.last().probes() < 2 && System.nanoTime() < deadline) {
            inferring.sample(clientSocket, null);
            quiet.sample(clientSocket, null);
            Thread.sleep(20);
        }

        int probes = inferring.last().probes();
        var inferred = timeline.snapshot().stream().filter(e -> e instanceof SegmentEvent).map(e -> (SegmentEvent) e)
                .toList();
        assertAll(
                () -> assertTrue(probes >= 2, "probes: " + probes),
                () -> assertEquals(probes, inferred.size(), inferred::toString),
                () -> assertTrue(inferred.stream().allMatch(s -> s.conn() == 1 && s.dir() == Direction.C2S && s.inferred())),
                () -> assertTrue(timeline.snapshot().stream().anyMatch(e -> e instanceof StateEvent s && s.conn() == 2
                        && s.probes() > 0), "the quiet sampler saw the probes too"));
    }

    private KernelSampler clientSampler(int conn, boolean inferProbes) {
        return new KernelSampler(conn, Side.CLIENT, client.socket().getLocalPort(), listener.socket().getLocalPort(),
                journal, inferProbes);
    }

    private long eventTime(int index) {
        return timeline.snapshot().get(index).t();
    }
}
