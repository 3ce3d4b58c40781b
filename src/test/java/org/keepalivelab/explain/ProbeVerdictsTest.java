package org.keepalivelab.explain;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.keepalivelab.explain.ProbeVerdict.AnsweredBy;
import org.keepalivelab.explain.ProbeVerdict.Outcome;
import org.keepalivelab.model.Action;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.Event;
import org.keepalivelab.model.IdleMode;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.TcpFlags;

/** The verdict on each probe, as the event log writes it: answered by what, unanswered, or the record ended first. */
class ProbeVerdictsTest {

    private static List<ProbeVerdict> verdicts(Events events) {
        List<Event> list = events.facts().events();
        var verdicts = new ProbeVerdicts(list);
        return IntStream.range(0, list.size()).filter(i -> ProbeVerdicts.isProbe(list.get(i)))
                .mapToObj(verdicts::of).toList();
    }

    @Test
    void answeredByAKeepaliveAckDataOrARst() {
        var verdicts = verdicts(new Events().answeredProbe(1000, Direction.S2C)
                .segment(2000, Direction.S2C, SegmentKind.KEEPALIVE).segment(2000.1, Direction.C2S, SegmentKind.DATA, 5, 64, false)
                .segment(3000, Direction.S2C, SegmentKind.KEEPALIVE).segment(3000.1, Direction.C2S, SegmentKind.ACK, 0, 0, false)
                .segment(4000, Direction.S2C, SegmentKind.KEEPALIVE).segment(4000.1, Direction.C2S, SegmentKind.RST));

        assertEquals(List.of(ProbeVerdict.answered(AnsweredBy.KEEPALIVE_ACK), ProbeVerdict.answered(AnsweredBy.DATA),
                ProbeVerdict.answered(AnsweredBy.ACK), ProbeVerdict.answered(AnsweredBy.RST)), verdicts);
    }

    @Test
    void unansweredWhenLostOrWhenTheSenderMovedOnAndPendingWhenTheRecordEndsFirst() {
        var verdicts = verdicts(new Events().dropped(1000, Direction.S2C, SegmentKind.KEEPALIVE)
                .segment(2000, Direction.S2C, SegmentKind.KEEPALIVE).segment(3000, Direction.S2C, SegmentKind.KEEPALIVE)
                .segment(3000.1, Direction.S2C, SegmentKind.ACK)
                .inferredProbe(4000, Direction.C2S));

        assertAll(
                () -> assertEquals(List.of(Outcome.UNANSWERED, Outcome.UNANSWERED, Outcome.PENDING, Outcome.UNKNOWN),
                        verdicts.stream().map(ProbeVerdict::outcome).toList(), "an acknowledgement does not end the wait"),
                () -> assertEquals(List.of(Optional.of(false), Optional.of(false), Optional.empty(), Optional.empty()),
                        verdicts.stream().map(ProbeVerdict::answered).toList()));
    }

    @Test
    void aProbeAResetMiddleboxDroppedAndAnsweredWithItsForgedPairIsAnsweredByTheMiddlebox() {
        var verdicts = verdicts(new Events().settings(Events.bothKeepalive(12, 2, 3))
                .act(300, new Action.SeverIdle(8, IdleMode.RESET)).act(8300, new Action.Forget(IdleMode.RESET))
                .dropped(12000, Direction.S2C, SegmentKind.KEEPALIVE)
                .rst(12010, Direction.C2S, TcpFlags.RST, false).rst(12011, Direction.S2C, TcpFlags.RST, false));

        assertEquals(List.of(ProbeVerdict.answered(AnsweredBy.MIDDLEBOX)), verdicts,
                "dropped, as the timeline draws it, but answered: by the middlebox, not by the peer");
    }

    @Test
    void aDroppedProbeWithoutTheMiddleboxsForgetStaysUnanswered() {
        var verdicts = verdicts(new Events().act(300, Events.severBoth()).dropped(12000, Direction.S2C, SegmentKind.KEEPALIVE)
                .rst(12010, Direction.C2S, TcpFlags.RST, false));

        assertEquals(List.of(ProbeVerdict.UNANSWERED), verdicts, "a sever forges nothing");
    }
}
