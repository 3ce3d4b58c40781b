package org.keepalivelab.imports;

import org.keepalivelab.capture.TcpAnalyzer;
import org.keepalivelab.capture.TcpSegment;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.TcpFlags;

/** One connection found in a capture: its number, its ends, its analyzer and its recent packets. */
final class ImportedConnection {
    private final ImportResult.Connection summary;
    private final boolean clientIsA;
    private final TcpAnalyzer analyzer = TcpAnalyzer.forCapture();
    private final DuplicateWindow recent = new DuplicateWindow();
    private final StateInference states = new StateInference();
    private long synSeq = -1;
    private boolean pastSyn;

    private ImportedConnection(ImportResult.Connection summary, boolean clientIsA) {
        this.summary = summary;
        this.clientIsA = clientIsA;
    }

    /**
     * The connection a first packet opens, numbered {@code conn}: its client by the handshake, or, without
     * one, by {@link ClientRule#HIGHER_PORT} and then {@link ClientRule#FIRST_SENDER}.
     */
    static ImportedConnection open(int conn, TcpSegment s, Endpoint sender, Endpoint receiver, boolean senderIsA) {
        boolean syn = TcpFlags.has(s.flags(), TcpFlags.SYN);
        boolean ack = TcpFlags.has(s.flags(), TcpFlags.ACK);
        ClientRule rule;
        boolean senderIsClient;
        if (syn && !ack) {
            rule = ClientRule.SYN;
            senderIsClient = true;
        } else if (syn) {
            rule = ClientRule.SYN_ACK;
            senderIsClient = false;
        } else if (s.srcPort() != s.dstPort()) {
            rule = ClientRule.HIGHER_PORT;
            senderIsClient = s.srcPort() > s.dstPort();
        } else {
            rule = ClientRule.FIRST_SENDER;
            senderIsClient = true;
        }
        var summary = senderIsClient
                ? new ImportResult.Connection(conn, sender, receiver, rule)
                : new ImportResult.Connection(conn, receiver, sender, rule);
        return new ImportedConnection(summary, senderIsClient == senderIsA);
    }

    /**
     * True when {@code s} is a new connection on the same address pair: a SYN, after this connection
     * went past its own SYN, with another initial sequence number (the same one is the SYN sent again).
     */
    boolean startsAnew(TcpSegment s) {
        boolean synOnly = (s.flags() & (TcpFlags.SYN | TcpFlags.ACK)) == TcpFlags.SYN;
        return synOnly && pastSyn && s.seq() != synSeq;
    }

    /** Classifies a segment that is not a duplicate; {@link #assumed()} says whether the label is assumed. */
    SegmentKind classify(Direction dir, TcpSegment s) {
        if ((s.flags() & (TcpFlags.SYN | TcpFlags.ACK)) == TcpFlags.SYN) {
            synSeq = s.seq();
        } else {
            pastSyn = true;
        }
        return analyzer.classify(dir, s);
    }

    /** The ends' states {@code s} implies ({@link StateInference}), told to {@code sink} as they change. */
    void inferStates(Direction dir, TcpSegment s, StateInference.Sink sink) {
        states.segment(dir, s.flags(), s.seq(), s.ack(), s.len(), sink);
    }

    boolean assumed() {
        return analyzer.assumed();
    }

    Direction direction(boolean senderIsA) {
        return senderIsA == clientIsA ? Direction.C2S : Direction.S2C;
    }

    DuplicateWindow recent() {
        return recent;
    }

    ImportResult.Connection summary() {
        return summary;
    }
}
