package org.keepalivelab.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.keepalivelab.model.TcpFlags.ACK;
import static org.keepalivelab.model.TcpFlags.FIN;
import static org.keepalivelab.model.TcpFlags.RST;
import static org.keepalivelab.model.TcpFlags.SYN;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.TcpState;

/** Every transition RFC 9293's state machine makes on segments an observer sees, on segment lists built here. */
class StateInferenceTest {
    private final StateInference inference = new StateInference();
    private final List<String> changes = new ArrayList<>();
    private int segment;

    /** Client's ISN 1000, server's 5000: the handshake takes one number each. */
    private StateInferenceTest c2s(int flags, long seq, long ack) {
        return send(Direction.C2S, flags, seq, ack, 0);
    }

    private StateInferenceTest s2c(int flags, long seq, long ack) {
        return send(Direction.S2C, flags, seq, ack, 0);
    }

    private StateInferenceTest send(Direction dir, int flags, long seq, long ack, int len) {
        segment++;
        inference.segment(dir, flags, seq, ack, len, this::changed);
        return this;
    }

    private void changed(Side side, TcpState state) {
        changes.add(segment + " " + side.label() + " " + state);
    }

    private StateInferenceTest handshake() {
        return c2s(SYN, 1000, 0).s2c(SYN | ACK, 5000, 1001).c2s(ACK, 1001, 5001);
    }

    @Test
    void theHandshakeOpensBothEnds() {
        handshake();
        assertEquals(List.of("1 client SYN_SENT", "2 server SYN_RECV", "2 client ESTABLISHED", "3 server ESTABLISHED"),
                changes);
    }

    @Test
    void anActiveCloseGoesThroughFinWait1And2ToTimeWaitAndThePassiveOneThroughCloseWaitAndLastAck() {
        handshake().c2s(FIN | ACK, 1001, 5001).s2c(ACK, 5001, 1002).s2c(FIN | ACK, 5001, 1002).c2s(ACK, 1002, 5002);
        assertEquals(List.of("4 client FIN_WAIT1", "4 server CLOSE_WAIT", "5 client FIN_WAIT2", "6 server LAST_ACK",
                "6 client TIME_WAIT", "7 server CLOSED"), changes.subList(4, changes.size()));
    }

    @Test
    void aFinThatAlsoAcknowledgesTheOtherFinGoesStraightToTimeWait() {
        handshake().c2s(FIN | ACK, 1001, 5001).s2c(FIN | ACK, 5001, 1002).c2s(ACK, 1002, 5002);
        assertEquals(List.of("4 client FIN_WAIT1", "4 server CLOSE_WAIT", "5 server LAST_ACK", "5 client TIME_WAIT",
                "6 server CLOSED"), changes.subList(4, changes.size()));
    }

    @Test
    void aSimultaneousCloseGoesThroughClosing() {
        handshake().c2s(FIN | ACK, 1001, 5001).s2c(FIN | ACK, 5001, 1001); // crossed: neither acknowledges the other's
        changes.clear();
        c2s(ACK, 1002, 5002).s2c(ACK, 5002, 1002);
        assertEquals(List.of("6 server TIME_WAIT", "7 client TIME_WAIT"), changes);
    }

    @Test
    void theCrossedFinsMakeTheFirstCloserClosing() {
        handshake().c2s(FIN | ACK, 1001, 5001).s2c(FIN | ACK, 5001, 1001);
        // the server's FIN does not acknowledge the client's: it was sent before that FIN arrived, so both
        // ends are CLOSING (the observer saw the client's first, so the server passed CLOSE_WAIT on its way)
        assertEquals(List.of("4 client FIN_WAIT1", "4 server CLOSE_WAIT", "5 server CLOSING", "5 client CLOSING"),
                changes.subList(4, changes.size()));
    }

    @Test
    void aResetClosesBothEnds() {
        handshake().s2c(RST, 5001, 0);
        assertEquals(List.of("4 server CLOSED", "4 client CLOSED"), changes.subList(4, changes.size()));
    }

    @Test
    void aResetEndsTimeWaitAndAnOrphansFinWait2() {
        handshake().c2s(FIN | ACK, 1001, 5001).s2c(ACK, 5001, 1002).s2c(ACK, 5000, 1002).c2s(RST, 1002, 0);
        assertEquals(List.of("4 client FIN_WAIT1", "4 server CLOSE_WAIT", "5 client FIN_WAIT2", "7 client CLOSED",
                "7 server CLOSED"), changes.subList(4, changes.size()));
    }

    @Test
    void aRefusedConnectCloses() {
        c2s(SYN, 1000, 0).s2c(RST | ACK, 0, 1001);
        assertEquals(List.of("1 client SYN_SENT", "2 client CLOSED"), changes, "the server end never had a state");
    }

    @Test
    void aSimultaneousOpenGoesThroughSynRecvOnBothSides() {
        c2s(SYN, 1000, 0).s2c(SYN, 5000, 0);
        assertEquals(List.of("1 client SYN_SENT", "2 server SYN_SENT", "2 client SYN_RECV"), changes);
        changes.clear();
        c2s(SYN | ACK, 1000, 5001).s2c(SYN | ACK, 5000, 1001);
        assertEquals(List.of("3 server ESTABLISHED", "4 client ESTABLISHED"), changes);
    }

    @Test
    void aConnectionJoinedMidwayStartsEstablishedAndAFinFirstShowsTheCloser() {
        send(Direction.S2C, ACK, 5000, 1006, 0);
        assertEquals(List.of("1 server ESTABLISHED", "1 client ESTABLISHED"), changes);
        var other = new StateInferenceTest();
        other.c2s(FIN | ACK, 1001, 5001);
        assertEquals(List.of("1 client FIN_WAIT1", "1 server CLOSE_WAIT"), other.changes);
    }

    @Test
    void aFinSentAgainAndSequenceNumbersThatWrapChangeNothingWrongly() {
        long isn = 0xffff_fffeL; // the FIN's number wraps past 2^32
        c2s(SYN, isn, 0).s2c(SYN | ACK, 5000, 0xffff_ffffL).c2s(ACK, 0xffff_ffffL, 5001);
        c2s(FIN | ACK, 0xffff_ffffL, 5001).c2s(FIN | ACK, 0xffff_ffffL, 5001);
        changes.clear();
        s2c(ACK, 5001, 0); // acknowledges the FIN at 2^32 - 1: the next number is 0
        assertEquals(List.of("6 client FIN_WAIT2"), changes);
    }

    @Test
    void dataAndKeepalivesChangeNoState() {
        handshake();
        changes.clear();
        send(Direction.C2S, ACK, 1001, 5001, 5).s2c(ACK, 5001, 1006).s2c(ACK, 5000, 1006).c2s(ACK, 1006, 5001);
        assertEquals(List.of(), changes);
    }
}
