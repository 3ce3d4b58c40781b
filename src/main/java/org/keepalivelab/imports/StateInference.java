package org.keepalivelab.imports;

import org.keepalivelab.model.Direction;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.TcpFlags;
import org.keepalivelab.model.TcpState;

/**
 * The TCP state each end of one captured connection is in, as its segments imply: RFC 9293's state
 * machine (section 3.3.2, figure 5, and the event processing of 3.10.7) run by an observer on the path.
 * A state changes at the capture time of the segment that moves it, sent or received: the observer
 * sees a segment when it passes, which on loopback is when both ends do.
 *
 * <ul>
 *   <li>SYN sent: SYN_SENT. SYN-ACK sent: SYN_RECV; received: ESTABLISHED (the SYN_SENT side
 *       answers it with its ACK). The ACK of a SYN_RECV side's SYN: ESTABLISHED.</li>
 *   <li>FIN sent: FIN_WAIT1 (from ESTABLISHED or SYN_RECV), LAST_ACK (from CLOSE_WAIT; CLOSING when
 *       it does not acknowledge the peer's FIN, which it then had not received: the FINs crossed). FIN received:
 *       CLOSE_WAIT (from ESTABLISHED), CLOSING (FIN_WAIT1, own FIN not yet acknowledged), TIME_WAIT
 *       (FIN_WAIT1 with its FIN acknowledged by the same segment, or FIN_WAIT2).</li>
 *   <li>The ACK of a side's FIN: FIN_WAIT1 → FIN_WAIT2, CLOSING → TIME_WAIT, LAST_ACK → CLOSED.</li>
 *   <li>RST sent or received: CLOSED (a RST in TIME_WAIT ends it too: Linux's default
 *       {@code tcp_rfc1337} 0, {@code tcp_timewait_state_process}).</li>
 *   <li>A connection whose handshake the file does not hold starts ESTABLISHED at its first ordinary
 *       segment: data and acknowledgements flow only there (or later, which a FIN then shows).</li>
 * </ul>
 *
 * What the wire cannot show is not guessed: LISTEN, whether a process still holds a socket (an orphan),
 * a timer's end with nothing sent (TIME_WAIT's 60 s, an orphan's FIN_WAIT2 lifetime), or a RST the
 * receiver refused as out of window. Each end reports only when its state changes.
 */
final class StateInference {

    /** Hears a change of one end's state. */
    @FunctionalInterface
    interface Sink {
        void state(Side side, TcpState state);
    }

    private final End client = new End();
    private final End server = new End();

    /** One end: its state, its SYN's sequence number and its FIN's, where seen. */
    private static final class End {
        TcpState state = TcpState.UNKNOWN;
        long iss = -1;
        long fin = -1;
    }

    /** Takes in one segment (not a duplicate), telling {@code sink} each end whose state it changes. */
    void segment(Direction dir, int flags, long seq, long ack, int len, Sink sink) {
        Side senderSide = dir.sender();
        End sender = end(senderSide);
        End receiver = end(senderSide.peer());
        TcpState senderBefore = sender.state;
        TcpState receiverBefore = receiver.state;
        boolean syn = TcpFlags.has(flags, TcpFlags.SYN);
        boolean hasAck = TcpFlags.has(flags, TcpFlags.ACK);
        if (TcpFlags.has(flags, TcpFlags.RST)) {
            close(sender);
            close(receiver);
        } else if (syn) {
            handshake(sender, receiver, hasAck, seq, ack);
        } else {
            if (sender.state == TcpState.UNKNOWN && receiver.state == TcpState.UNKNOWN) {
                sender.state = TcpState.ESTABLISHED; // joined mid-connection
                receiver.state = TcpState.ESTABLISHED;
            }
            if (hasAck) {
                acknowledged(receiver, ack);
            }
            if (TcpFlags.has(flags, TcpFlags.FIN)) {
                // A FIN that does not acknowledge the peer's FIN, seen before it, crossed it on the way.
                finSent(sender, seq + len, receiver.fin >= 0 && !(hasAck && after(ack, receiver.fin)));
                finReceived(receiver);
            }
        }
        if (sender.state != senderBefore) {
            sink.state(senderSide, sender.state);
        }
        if (receiver.state != receiverBefore) {
            sink.state(senderSide.peer(), receiver.state);
        }
    }

    private End end(Side side) {
        return side == Side.CLIENT ? client : server;
    }

    private static void close(End end) {
        if (end.state != TcpState.UNKNOWN) {
            end.state = TcpState.CLOSED; // a side never seen in a state (a port nobody listens on) stays unknown
        }
    }

    private static void handshake(End sender, End receiver, boolean hasAck, long seq, long ack) {
        sender.iss = seq;
        if (!hasAck) {
            if (sender.state == TcpState.UNKNOWN || sender.state == TcpState.CLOSED) {
                sender.state = TcpState.SYN_SENT;
            }
            if (receiver.state == TcpState.SYN_SENT) {
                receiver.state = TcpState.SYN_RECV; // simultaneous open: its own SYN is out, and it gets one
            }
            return;
        }
        if (sender.state != TcpState.ESTABLISHED) {
            sender.state = TcpState.SYN_RECV;
        }
        if (receiver.state == TcpState.SYN_SENT || receiver.state == TcpState.UNKNOWN) {
            receiver.state = TcpState.ESTABLISHED;
        } else {
            acknowledged(receiver, ack); // a simultaneous open's SYN-ACK
        }
    }

    /** {@code ack} arrives at {@code end}: it may acknowledge its SYN or its FIN. */
    private static void acknowledged(End end, long ack) {
        if (end.state == TcpState.SYN_RECV && end.iss >= 0 && ack == ((end.iss + 1) & 0xffffffffL)) {
            end.state = TcpState.ESTABLISHED;
        }
        if (end.fin < 0 || !after(ack, end.fin)) {
            return;
        }
        end.state = switch (end.state) {
            case FIN_WAIT1 -> TcpState.FIN_WAIT2;
            case CLOSING -> TcpState.TIME_WAIT;
            case LAST_ACK -> TcpState.CLOSED;
            default -> end.state;
        };
    }

    /**
     * {@code end} sent a FIN at sequence number {@code finSeq}; {@code crossed} when it had not yet
     * received the peer's FIN the capture showed first: a simultaneous close, FIN_WAIT1 and then, the
     * peer's FIN arriving, CLOSING.
     */
    private static void finSent(End end, long finSeq, boolean crossed) {
        end.fin = finSeq & 0xffffffffL;
        end.state = switch (end.state) {
            case ESTABLISHED, SYN_RECV -> TcpState.FIN_WAIT1;
            case CLOSE_WAIT -> crossed ? TcpState.CLOSING : TcpState.LAST_ACK;
            default -> end.state; // a FIN sent again
        };
    }

    private static void finReceived(End end) {
        end.state = switch (end.state) {
            case ESTABLISHED, SYN_RECV -> TcpState.CLOSE_WAIT;
            case FIN_WAIT1 -> TcpState.CLOSING;
            case FIN_WAIT2 -> TcpState.TIME_WAIT;
            default -> end.state; // the FIN again, or a state it does not move
        };
    }

    /** True when {@code ack} acknowledges sequence number {@code seq}: past it, modulo 2^32 (RFC 9293, 3.4). */
    private static boolean after(long ack, long seq) {
        return (int) (ack - seq) > 0;
    }
}
