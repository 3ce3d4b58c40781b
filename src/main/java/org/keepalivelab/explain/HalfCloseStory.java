package org.keepalivelab.explain;

import static org.keepalivelab.explain.Words.at;
import static org.keepalivelab.explain.Words.count;

import java.util.List;
import java.util.Optional;
import org.keepalivelab.model.Action;
import org.keepalivelab.model.AppEvent;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.SegmentEvent;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.TcpState;

/**
 * The rule about what still crosses a half-closed connection: the client's FIN ends its own direction only
 * (RFC 9293 3.6: a CLOSE means "I have no more data to send", and its sender may go on receiving), so the
 * server, in CLOSE_WAIT, may still send ({@code tcp_sendmsg_locked} takes data in ESTABLISHED and
 * CLOSE_WAIT, {@code net/ipv4/tcp.c}), and the client's FIN_WAIT2 socket, shut for sending only, still takes
 * it in: the FIN_WAIT1/FIN_WAIT2 case of {@code tcp_rcv_state_process} ({@code net/ipv4/tcp_input.c}) resets
 * only a socket also shut for reading (an orphan) and queues the data otherwise.
 */
final class HalfCloseStory {
    private HalfCloseStory() {
    }

    /**
     * REPLY_AFTER_HALF_CLOSE: after the client's half-close the server's application wrote: whether it had
     * read the EOF, and whether its bytes reached the client's application, were lost to a sever, or drew a
     * RST.
     */
    static List<Sentence> replyAfterHalfClose(ConnectionEvents events, List<Detection> detections) {
        if (events.fault.flatMap(Fault::action).filter(a -> a instanceof Action.HalfClose).isEmpty()) {
            return List.of();
        }
        long halfClosed = events.faultT();
        var writes = events.app(Side.SERVER).stream()
                .filter(a -> a.event() == AppEventType.WRITE && a.t() >= halfClosed).toList();
        if (writes.isEmpty()) {
            return List.of();
        }
        long wroteAt = writes.getFirst().t();
        int bytes = writes.stream().mapToInt(AppEvent::bytes).sum();
        String eof = events.app(Side.SERVER).stream()
                .filter(a -> a.event() == AppEventType.EOF && a.t() >= halfClosed && a.t() <= wroteAt).findFirst()
                .map(a -> "read that FIN as EOF at " + at(a.t()) + ", yet")
                .orElse("had not read the EOF waiting for it, but");
        String closeWait = events.firstState(Side.SERVER, TcpState.CLOSE_WAIT, halfClosed)
                .filter(s -> s.t() <= wroteAt).map(s -> ", in CLOSE_WAIT,").orElse("");
        String wrote = bytes + " bytes at " + at(wroteAt) + (writes.size() == 1 ? "" : " in " + count(writes.size(), "write"));
        return List.of(Sentence.measured(wroteAt, "The client's half-close ended its own direction only: the server's "
                + "application " + eof + " its socket" + closeWait + " could still send, and it wrote " + wrote + "; "
                + reached(events, wroteAt, bytes) + "."));
    }

    /** What became of the server's bytes written from {@code wroteAt} on. */
    private static String reached(ConnectionEvents events, long wroteAt, int bytes) {
        int read = events.app(Side.CLIENT).stream().filter(a -> a.event() == AppEventType.READ && a.t() >= wroteAt)
                .mapToInt(AppEvent::bytes).sum();
        Optional<AppEvent> firstRead = events.app(Side.CLIENT).stream()
                .filter(a -> a.event() == AppEventType.READ && a.t() >= wroteAt).findFirst();
        if (firstRead.isPresent()) {
            String state = events.firstState(Side.CLIENT, TcpState.FIN_WAIT2, events.faultT()).isPresent()
                    ? "whose socket in FIN_WAIT2 is shut for sending only, " : "";
            return "the client, " + state + "still received, and its application read " + (read == bytes ? "them"
                    : read + " of them") + " from " + at(firstRead.get().t());
        }
        var data = events.sent(Side.SERVER).stream().filter(s -> s.len() > 0 && s.t() >= wroteAt).toList();
        if (!data.isEmpty() && data.stream().allMatch(SegmentEvent::dropped)) {
            return "they never reached the client: every segment that carried them was dropped on the way";
        }
        return events.firstSent(Side.CLIENT, SegmentKind.RST, wroteAt)
                .map(r -> "the client's kernel answered with a RST at " + at(r.t()) + ", and they went unread")
                .orElse("the client's application read none of them during the run");
    }
}
