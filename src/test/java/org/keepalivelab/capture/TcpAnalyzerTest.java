package org.keepalivelab.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.keepalivelab.model.Direction.C2S;
import static org.keepalivelab.model.Direction.S2C;
import static org.keepalivelab.model.TcpFlags.ACK;
import static org.keepalivelab.model.TcpFlags.FIN;
import static org.keepalivelab.model.TcpFlags.PSH;
import static org.keepalivelab.model.TcpFlags.SYN;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.SegmentKind;

/**
 * The rules where the kernel's segments in our scenarios never go: retransmitted data, Wireshark's
 * one-byte zero-window probe, Linux's keep-alive-shaped persist probe, and a one-byte write sent again
 * (docs/architecture.md, "Classifying segments"). The segments are written by hand in the shapes the kernel sends; the scenarios on the
 * real kernel are in KernelFactsTest and TsharkCrossCheckTest.
 */
class TcpAnalyzerTest {
    private TcpAnalyzer analyzer;
    /** What the client's application has written, as the lab counts it. */
    private long clientWrote;

    @BeforeEach
    void handshake() {
        analyzer = new TcpAnalyzer(dir -> dir == C2S ? clientWrote : 0);
        assertEquals(SegmentKind.SYN, classify(C2S, 1000, 0, SYN, 65535, 0));
        assertEquals(SegmentKind.SYN_ACK, classify(S2C, 5000, 1001, SYN | ACK, 65535, 0));
        assertEquals(SegmentKind.ACK, classify(C2S, 1001, 5001, ACK, 512, 0));
    }

    private SegmentKind classify(Direction dir, long seq, long ack, int flags, int window, int len) {
        int client = 40000;
        int server = 8080;
        var segment = dir == C2S
                ? new TcpSegment(client, server, seq, ack, flags, window, len)
                : new TcpSegment(server, client, seq, ack, flags, window, len);
        return analyzer.classify(dir, segment);
    }

    @Test
    void dataSentAgainIsARetransmissionNotAKeepAlive() {
        assertEquals(SegmentKind.DATA, classify(C2S, 1001, 5001, PSH | ACK, 512, 100));
        assertEquals(SegmentKind.RETRANSMISSION, classify(C2S, 1001, 5001, PSH | ACK, 512, 100));
    }

    @Test
    void finSentAgainIsARetransmission() {
        assertEquals(SegmentKind.FIN, classify(C2S, 1001, 5001, FIN | ACK, 512, 0));
        assertEquals(SegmentKind.RETRANSMISSION, classify(C2S, 1001, 5001, FIN | ACK, 512, 0));
    }

    @Test
    void oneByteAtTheNextSequenceIntoAZeroWindowIsAZeroWindowProbe() {
        assertEquals(SegmentKind.ACK, classify(S2C, 5001, 1001, ACK, 0, 0)); // the server's window closes
        assertEquals(SegmentKind.ZERO_WINDOW_PROBE, classify(C2S, 1001, 5001, ACK, 512, 1));
    }

    @Test
    void linuxPersistProbeHasTheKeepAliveShapeButIsAZeroWindowProbe() {
        clientWrote = 100; // written, and none of it sent: the window is closed
        assertEquals(SegmentKind.ACK, classify(S2C, 5001, 1001, ACK, 0, 0));
        assertEquals(SegmentKind.ZERO_WINDOW_PROBE, classify(C2S, 1000, 5001, ACK, 512, 0));
        assertEquals(SegmentKind.ACK, classify(S2C, 5001, 1001, ACK, 0, 0), "its answer is no keep-alive ACK");
    }

    @Test
    void keepAliveIntoAZeroWindowWithNothingWaitingIsAKeepAlive() {
        // Everything written went out and was acknowledged, just as the window closed: the kernel's
        // keep-alive timer probes, not its persist timer.
        clientWrote = 100;
        assertEquals(SegmentKind.DATA, classify(C2S, 1001, 5001, PSH | ACK, 512, 100));
        assertEquals(SegmentKind.ACK, classify(S2C, 5001, 1101, ACK, 0, 0));
        assertEquals(SegmentKind.KEEPALIVE, classify(C2S, 1100, 5001, ACK, 512, 0));
    }

    @Test
    void aOneByteWriteSentAgainIsARetransmissionNotAKeepAlive() {
        // Wireshark calls it a keep-alive: one byte, one before the next sequence number. But the
        // receiver never acknowledged it.
        assertEquals(SegmentKind.DATA, classify(C2S, 1001, 5001, PSH | ACK, 512, 1));
        assertEquals(SegmentKind.RETRANSMISSION, classify(C2S, 1001, 5001, PSH | ACK, 512, 1));
    }

    @Test
    void aOneByteKeepAliveAfterEverythingWasAcknowledgedIsAKeepAlive() {
        assertEquals(SegmentKind.DATA, classify(C2S, 1001, 5001, PSH | ACK, 512, 1));
        assertEquals(SegmentKind.ACK, classify(S2C, 5001, 1002, ACK, 65535, 0));
        assertEquals(SegmentKind.KEEPALIVE, classify(C2S, 1001, 5001, ACK, 512, 1), "a stack that sends one garbage byte");
    }

    @Test
    void keepAliveIntoAnOpenWindowIsAnsweredByAKeepAliveAck() {
        assertEquals(SegmentKind.KEEPALIVE, classify(C2S, 1000, 5001, ACK, 512, 0));
        assertEquals(SegmentKind.KEEPALIVE_ACK, classify(S2C, 5001, 1001, ACK, 65535, 0));
    }

    @Test
    void aNewWindowWithNothingElseNewIsAWindowUpdate() {
        assertEquals(SegmentKind.WINDOW_UPDATE, classify(C2S, 1001, 5001, ACK, 1024, 0));
    }
}
