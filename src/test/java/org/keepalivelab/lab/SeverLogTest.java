package org.keepalivelab.lab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.keepalivelab.linux.SocketFilterProgram;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.TcpFlags;

/** A segment is dropped only where a filter stood on a receiving socket still in the kernel's lookup. */
class SeverLogTest {

    @Test
    void aSegmentForASocketThatLeftTheLookupMeetsNoFilter() {
        var log = new SeverLog();
        log.cut(Direction.C2S, 100, SocketFilterProgram.DROP_ALL);
        log.cut(Direction.S2C, 100, SocketFilterProgram.DROP_ALL);
        log.receiverGone(Direction.S2C, 500); // the client's socket gave up at 500
        log.receiverGone(Direction.S2C, 900); // a later sign of it changes nothing
        assertAll(
                () -> assertFalse(log.droppedAt(Direction.S2C, 50, TcpFlags.ACK), "before the sever"),
                () -> assertTrue(log.droppedAt(Direction.S2C, 400, TcpFlags.ACK), "the client's filter stood"),
                () -> assertFalse(log.droppedAt(Direction.S2C, 600, TcpFlags.ACK), "no socket, no filter: its kernel answers"),
                () -> assertTrue(log.droppedAt(Direction.C2S, 600, TcpFlags.RST), "the server's filter still stands"),
                () -> assertTrue(log.isSevered(Direction.S2C), "the sever itself is still on"));
    }
}
