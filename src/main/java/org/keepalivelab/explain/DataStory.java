package org.keepalivelab.explain;

import static org.keepalivelab.explain.Words.at;
import static org.keepalivelab.explain.Words.cap;
import static org.keepalivelab.explain.Words.count;
import static org.keepalivelab.explain.Words.the;
import static org.keepalivelab.explain.Words.times;

import java.util.ArrayList;
import java.util.List;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.SegmentEvent;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.TcpState;

/** The rules about data that cannot get through: retransmissions, and probes of a zero window. */
final class DataStory {
    private DataStory() {
    }

    /**
     * RETRANSMISSIONS: a side sent data again that was never acknowledged, with exponential backoff
     * ({@code tcp_retransmit_timer}); while data is unacknowledged the keep-alive timer sends nothing
     * ("It is alive without keepalive", {@code tcp_keepalive_timer}) and the retransmission timer
     * decides, up to {@code tcp_retries2} ({@code tcp_write_timeout}) or {@code TCP_USER_TIMEOUT}.
     */
    static List<Sentence> retransmissions(ConnectionEvents events, List<Detection> detections) {
        var sentences = new ArrayList<Sentence>();
        for (var side : Side.values()) {
            var resent = events.sent(side).stream().filter(s -> s.kind() == SegmentKind.RETRANSMISSION && s.len() > 0)
                    .toList();
            if (resent.isEmpty()) {
                continue;
            }
            var again = resent.stream().map(SegmentEvent::t).toList();
            if (acknowledged(events, side, resent.getLast())) {
                // A tail-loss probe or a fast retransmission the peer acknowledged: nothing was in doubt for long.
                sentences.add(Sentence.measured(again.getFirst(), cap(the(side)) + "'s kernel sent some data again "
                        + (again.size() == 1 ? "once" : count(again.size(), "time")) + " (" + times(again) + "), and " + the(side.peer())
                        + " acknowledged it: nothing stayed unacknowledged."));
                continue;
            }
            var written = events.app(side).stream().filter(a -> a.event() == AppEventType.WRITE
                    && a.t() <= again.getFirst()).reduce((a, b) -> b);
            String what = written.map(w -> cap(the(side)) + "'s " + w.bytes() + " bytes written at " + at(w.t()))
                    .orElse(cap(the(side)) + "'s data");
            StringBuilder text = new StringBuilder(what).append(" went unacknowledged: its kernel sent them again ")
                    .append(count(again.size(), "time")).append(" (").append(times(again)).append(")")
                    .append(again.size() > 2 ? ", each wait about twice the last" : "").append(".");
            if (events.keepaliveOn(side).orElse(false)) {
                text.append(" No keep-alive went out meanwhile: keep-alive probes only an idle connection, and one "
                        + "with data unacknowledged is not idle; the retransmission timer decides instead");
                int retries = events.facts.kernel().retries2();
                int userTimeout = events.socket(side).map(s -> s.userTimeoutMillis()).orElse(0);
                text.append(userTimeout > 0 ? ", giving up once data has gone unacknowledged for its TCP_USER_TIMEOUT ("
                        + userTimeout + " ms)" : retries > 0 ? ", giving up after tcp_retries2 = " + retries : "")
                        .append(".");
            }
            sentences.add(Sentence.measured(again.getFirst(), text.toString()));
        }
        return sentences;
    }

    /**
     * WRITE_DREW_RST: a side wrote after the fault and the peer's answer to that data was a RST: an orphan,
     * its socket shut for reading, takes no more data (the FIN_WAIT1/FIN_WAIT2 case of
     * {@code tcp_rcv_state_process}, {@code net/ipv4/tcp_input.c}: {@code tcp_reset}, then a RST back), and
     * a kernel that no longer has the connection answers anything with RST ({@code tcp_v4_send_reset}).
     */
    static List<Sentence> writeDrewRst(ConnectionEvents events, List<Detection> detections) {
        var sentences = new ArrayList<Sentence>();
        for (var side : Side.values()) {
            var data = events.sent(side).stream().filter(s -> s.kind() == SegmentKind.DATA && s.len() > 0
                    && s.t() >= events.faultT() && !s.dropped()).toList();
            for (var d : data) {
                var answer = events.received(side).stream().filter(s -> s.t() >= d.t()).findFirst()
                        .filter(s -> s.kind() == SegmentKind.RST);
                if (answer.isEmpty()) {
                    continue;
                }
                var peer = side.peer();
                boolean orphan = events.states(peer).stream().filter(s -> s.t() <= d.t()).reduce((a, b) -> b)
                        .map(s -> s.orphan() && s.state() != TcpState.CLOSED).orElse(false);
                String who = orphan ? the(peer) + "'s orphan socket, shut for reading with no process behind it, "
                        + "takes no more data, so its kernel" : the(peer) + "'s kernel, which no longer had the connection,";
                boolean closeWait = events.firstState(side, TcpState.CLOSE_WAIT, events.faultT())
                        .filter(s -> s.t() <= d.t()).isPresent();
                sentences.add(Sentence.measured(d.t(), "At " + at(d.t()) + " " + the(side) + " wrote " + d.len()
                        + " bytes: " + who + " answered them with a RST (" + at(answer.get().t()) + ")"
                        + (closeWait ? ". That RST closed " + the(side) + "'s socket, which had taken the FIN: its "
                        + "next write fails with 'Broken pipe' (EPIPE), not 'Connection reset'." : ".")));
                break;
            }
        }
        return sentences;
    }

    /** True when the peer acknowledged {@code resent}'s data after it was sent again (sequence numbers wrap). */
    private static boolean acknowledged(ConnectionEvents events, Side side, SegmentEvent resent) {
        long end = resent.seq() + resent.len();
        return events.received(side).stream().anyMatch(s -> s.t() >= resent.t() && !s.dropped()
                && (int) (s.ack() - end) >= 0 && s.kind() != SegmentKind.RST);
    }

    /**
     * ZERO_WINDOW_PROBES: a side with data waiting probed a peer whose receive window was 0: the
     * persist timer's probes ({@code tcp_probe_timer}, {@code tcp_send_probe0}), backing off, which
     * look like keep-alives but are not, and keep the connection alive as long as the peer answers.
     */
    static List<Sentence> zeroWindowProbes(ConnectionEvents events, List<Detection> detections) {
        var sentences = new ArrayList<Sentence>();
        for (var side : Side.values()) {
            var probes = events.sent(side).stream().filter(s -> s.kind() == SegmentKind.ZERO_WINDOW_PROBE)
                    .map(SegmentEvent::t).toList();
            if (probes.isEmpty()) {
                continue;
            }
            var full = events.sent(side.peer()).stream().filter(s -> s.window() == 0 && !s.inferred()
                    && s.kind() != SegmentKind.RST && s.t() <= probes.getFirst()).findFirst();
            String from = full.map(s -> "from " + at(s.t()) + " ").orElse("");
            sentences.add(Sentence.measured(full.map(SegmentEvent::t).orElse(probes.getFirst()), cap(from) + the(side.peer())
                    + "'s receive window was full (0): with data waiting to go, " + the(side) + "'s kernel sent "
                    + count(probes.size(), "zero-window probe") + " (" + times(probes) + "), its persist timer backing "
                    + "off. They look like keep-alives but are not: they ask whether the window has opened, and as long "
                    + "as " + the(side.peer()) + " answers them the connection lives."));
        }
        return sentences;
    }
}
