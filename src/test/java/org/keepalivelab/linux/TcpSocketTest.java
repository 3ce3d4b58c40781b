package org.keepalivelab.linux;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keepalivelab.model.TcpState;

/** The kernel socket behind a real loopback connection. */
class TcpSocketTest {
    private ServerSocketChannel listener;
    private SocketChannel client;
    private SocketChannel server;
    private InetSocketAddress serverAddress;
    private InetSocketAddress clientAddress;

    @BeforeEach
    void connect() throws IOException {
        listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        serverAddress = (InetSocketAddress) listener.getLocalAddress();
        client = SocketChannel.open(serverAddress);
        server = listener.accept();
        clientAddress = (InetSocketAddress) client.getLocalAddress();
    }

    @AfterEach
    void close() throws IOException {
        client.close();
        server.close();
        listener.close();
    }

    @Test
    void tcpInfoOfAConnectedSocketReadsTheKernelsFields() throws Exception {
        var clientSocket = TcpSocket.of(client, serverAddress);
        var serverSocket = TcpSocket.of(server, clientAddress);
        try (var arena = Arena.ofConfined()) {
            client.write(ByteBuffer.wrap("howdy".getBytes()));
            server.read(ByteBuffer.allocate(16));
            Thread.sleep(300);

            var info = serverSocket.tcpInfo();
            var raw = arena.allocate(TcpInfo.LAYOUT);
            int length = clientSocket.readTcpInfo(raw);
            assertAll(
                    () -> assertEquals(TcpState.ESTABLISHED, info.state()),
                    () -> assertEquals(0, info.probes()),
                    () -> assertEquals(0, info.backoff()),
                    () -> assertTrue(info.lastDataRecv() >= 250 && info.lastDataRecv() < 10_000,
                            "the greeting arrived about 300 ms ago: " + info.lastDataRecv()),
                    () -> assertTrue(info.lastAckRecv() >= 250 && info.lastAckRecv() < 10_000,
                            "and nothing since: " + info.lastAckRecv()),
                    // Linux 6.1's struct, or all of ours that a newer kernel fills (an older one writes less)
                    () -> assertEquals(TcpInfo.LAYOUT.byteSize(), length),
                    () -> assertEquals(1, field(raw, "tcpi_data_segs_out"), "the one segment with the greeting"),
                    () -> assertEquals(3, field(raw, "tcpi_segs_out"), "the SYN, the handshake's ACK and the greeting"),
                    () -> assertEquals(2, field(raw, "tcpi_segs_in"), "the SYN-ACK and the greeting's ACK"));
        } finally {
            clientSocket.release();
            serverSocket.release();
        }
    }

    private static int field(MemorySegment info, String name) {
        return (int) TcpInfo.LAYOUT.varHandle(groupElement(name)).get(info, 0L);
    }

    @Test
    void releasingTwiceIsHarmlessAndAReleasedSocketRefusesEveryCall() throws Exception {
        var socket = TcpSocket.of(client, serverAddress);
        socket.release();
        socket.release();
        assertAll(
                () -> assertThrows(IllegalStateException.class, socket::tcpInfo),
                () -> assertThrows(IllegalStateException.class, () -> socket.setUserTimeout(1000)),
                () -> assertThrows(IllegalStateException.class, () -> socket.setLinger2(5)),
                () -> assertThrows(IllegalStateException.class, socket::attachDropAllFilter),
                () -> assertThrows(IllegalStateException.class, socket::detachFilter));
    }

    @Test
    void aStaleReleaseNeverGivesBackTheClaimOfTheNextHolder() throws Exception {
        var stale = TcpSocket.of(client, serverAddress);
        assertThrows(IOException.class, () -> TcpSocket.of(client, serverAddress), "claimed: not found twice");
        stale.release();
        var next = TcpSocket.of(client, serverAddress); // the same number, claimed again
        try {
            stale.release();
            assertThrows(IOException.class, () -> TcpSocket.of(client, serverAddress), "still claimed by the next holder");
        } finally {
            next.release();
        }
    }

    @Test
    void aDropAllFilterHoldsBackSegmentsUntilDetached() throws Exception {
        var serverSocket = TcpSocket.of(server, clientAddress);
        try {
            serverSocket.attachDropAllFilter();
            client.write(ByteBuffer.wrap("x".getBytes()));
            Thread.sleep(300);
            server.configureBlocking(false);
            assertEquals(0, server.read(ByteBuffer.allocate(1)), "dropped before TCP saw it");

            serverSocket.detachFilter();
            server.configureBlocking(true);
            assertEquals(1, server.read(ByteBuffer.allocate(1)), "the client's retransmission gets through");
        } finally {
            serverSocket.release();
        }
    }

    @Test
    void optionsAreCheckedBeforeTheKernelSeesThem() throws Exception {
        var socket = TcpSocket.of(client, serverAddress);
        try {
            assertAll(
                    () -> assertThrows(IllegalArgumentException.class, () -> socket.setUserTimeout(-1)),
                    () -> assertThrows(IllegalArgumentException.class, () -> socket.setLinger2(-1)),
                    () -> assertThrows(IllegalArgumentException.class,
                            () -> socket.setLinger2(TcpSocket.MAX_LINGER2_SECONDS + 1)));
            socket.setUserTimeout(1000);
            socket.setLinger2(TcpSocket.MAX_LINGER2_SECONDS);
        } finally {
            socket.release();
        }
    }

    @Test
    void aScratchSocketSaysTheFilterIsAllowed() throws LinuxException {
        TcpSocket.checkDropAllFilterAllowed(); // root may attach one
    }
}
