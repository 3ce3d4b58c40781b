package org.keepalivelab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.keepalivelab.model.Direction.C2S;
import static org.keepalivelab.model.Direction.S2C;
import static org.keepalivelab.model.SegmentKind.ACK;
import static org.keepalivelab.model.SegmentKind.DATA;
import static org.keepalivelab.model.SegmentKind.FIN;
import static org.keepalivelab.model.SegmentKind.KEEPALIVE;
import static org.keepalivelab.model.SegmentKind.KEEPALIVE_ACK;
import static org.keepalivelab.model.SegmentKind.RST;
import static org.keepalivelab.model.SegmentKind.WINDOW_UPDATE;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The rule for what answered a keep-alive probe, in the shapes the lab's scenarios take (a healthy
 * peer, a killed client's orphan and then its RST, a sever, both sides probing), and its upkeep as
 * segments arrive out of order.
 */
class ProbeAnswersTest {
    private static final long S = 1_000_000_000L;
    private static final long US = 1_000L;

    private final Timeline timeline = new Timeline();
    private final SegmentRows rows = new SegmentRows(timeline);

    @Test
    void aKeepaliveAckAnswersAProbe() {
        int probe = append(S, S2C, KEEPALIVE, false);
        append(S + 40 * US, C2S, KEEPALIVE_ACK, false);
        assertEquals(ProbeAnswer.ACK, answer(probe));
    }

    @Test
    void aResetAnswersAProbeAsRst() {
        // The killed client's orphan is gone: its kernel answers the server's probe with a RST.
        int probe = append(S, S2C, KEEPALIVE, false);
        append(S + 40 * US, C2S, RST, false);
        assertEquals(ProbeAnswer.RST, answer(probe));
    }

    @Test
    void anyOtherSegmentOfThePeerAnswersAsAnAck() {
        int probe = append(S, S2C, KEEPALIVE, false);
        append(S + 40 * US, C2S, DATA, false);
        assertEquals(ProbeAnswer.ACK, answer(probe));
    }

    @Test
    void crossingProbesAreBothAnswered() {
        // Both sides probe at once: each side's ACK to the other's probe leaves before its own answer.
        int client = append(S, C2S, KEEPALIVE, false);
        int server = append(S + 6 * US, S2C, KEEPALIVE, false);
        append(S + 13 * US, S2C, KEEPALIVE_ACK, false);
        append(S + 14 * US, C2S, ACK, false);
        assertEquals(ProbeAnswer.ACK, answer(client));
        assertEquals(ProbeAnswer.ACK, answer(server));
    }

    @Test
    void theSendersAcknowledgementsDoNotEndItsWait() {
        int probe = append(S, S2C, KEEPALIVE, false);
        append(S + 10 * US, S2C, WINDOW_UPDATE, false);
        append(S + 20 * US, S2C, ACK, false);
        append(S + 40 * US, C2S, KEEPALIVE_ACK, false);
        assertEquals(ProbeAnswer.ACK, answer(probe));
    }

    @Test
    void aProbeFollowedByItsSendersDataBeforeAnyAnswerIsUnanswered() {
        // The peer's ACK that follows acknowledges the data, not the probe.
        int probe = append(S, S2C, KEEPALIVE, false);
        append(S + 10 * US, S2C, DATA, false);
        append(S + 50 * US, C2S, ACK, false);
        assertEquals(ProbeAnswer.NONE, answer(probe));
    }

    @Test
    void probesUnansweredThenLostToASeverThenTheResetAreAllUnanswered() {
        int quiet = append(S, C2S, KEEPALIVE, false); // the peer stays silent
        int lost = append(2 * S, C2S, KEEPALIVE, true);
        int answerLost = append(3 * S, C2S, KEEPALIVE, false);
        append(3 * S + 40 * US, S2C, KEEPALIVE_ACK, true); // its answer dropped on the way back
        append(4 * S, C2S, RST, true); // the client gives up
        append(5 * S, S2C, ACK, false); // the server, unaware, sends on: too late for any probe
        assertEquals(List.of(ProbeAnswer.NONE, ProbeAnswer.NONE, ProbeAnswer.NONE),
                List.of(answer(quiet), answer(lost), answer(answerLost)));
    }

    @Test
    void aProbeInferredFromTheKernelsCountIsUnanswered() {
        timeline.append(SegmentEvent.inferredKeepalive(S, 1, S2C));
        append(S + 40 * US, C2S, KEEPALIVE_ACK, false);
        assertEquals(ProbeAnswer.NONE, answer(0));
    }

    @Test
    void anAnswerArrivingAfterALaterProbeStillAnswersTheFirst() {
        int first = append(S, S2C, KEEPALIVE, false);
        int second = append(2 * S, S2C, KEEPALIVE, false);
        rows.update();
        append(S + 50 * US, C2S, KEEPALIVE_ACK, false); // appended late
        assertEquals(ProbeAnswer.ACK, answer(first));
        assertEquals(ProbeAnswer.NONE, answer(second));
    }

    @Test
    void aLateSegmentOfTheSenderTakesBackAnAnswer() {
        int probe = append(S, S2C, KEEPALIVE, false);
        append(S + 50 * US, C2S, ACK, false);
        assertEquals(ProbeAnswer.ACK, answer(probe));
        append(S + 10 * US, S2C, FIN, false); // appended late: the server closed before the ACK came
        assertEquals(ProbeAnswer.NONE, answer(probe));
    }

    @Test
    void onlyProbesHaveAnAnswer() {
        int ack = append(S, S2C, ACK, false);
        rows.update();
        assertThrows(IllegalArgumentException.class, () -> rows.answer(ack));
        assertThrows(IllegalArgumentException.class, () -> rows.answer(ack + 1));
    }

    @Test
    void answersKeptAsSegmentsArriveOutOfOrderAreTheRulesOnTheWholeRun() {
        var kinds = new SegmentKind[] {KEEPALIVE, KEEPALIVE, KEEPALIVE_ACK, ACK, ACK, DATA, WINDOW_UPDATE, RST, FIN};
        for (long seed = 1; seed <= 20; seed++) {
            var random = new Random(seed);
            var run = new Timeline();
            var kept = new SegmentRows(run);
            for (int i = 0; i < 3000; i++) {
                long t = i * 10 * US - (random.nextInt(8) == 0 ? random.nextInt(60) * US : 0); // some arrive late
                var kind = kinds[random.nextInt(kinds.length)];
                run.append(new SegmentEvent(t, 1, random.nextBoolean() ? C2S : S2C, TcpFlags.ACK, 0, 0, 0, 512,
                        kind, random.nextInt(10) == 0));
                if (random.nextInt(50) == 0) {
                    kept.update(); // readers take in a few events at a time
                }
            }
            kept.update();
            for (var side : Side.values()) {
                var own = kept.sent(1, side);
                var peer = kept.sent(1, side.peer());
                var expected = new ArrayList<ProbeAnswer>();
                var actual = new ArrayList<ProbeAnswer>();
                for (int i = 0; i < own.size(); i++) {
                    expected.add(ProbeAnswers.answerTo(own, i, peer));
                    actual.add(own.answer(i));
                }
                assertEquals(expected, actual, "seed " + seed + ", " + side);
            }
        }
    }

    /** Appends a segment of connection 1; returns its event index. */
    private int append(long t, Direction dir, SegmentKind kind, boolean dropped) {
        int flags = kind == RST ? TcpFlags.RST : kind == FIN ? TcpFlags.FIN | TcpFlags.ACK : TcpFlags.ACK;
        timeline.append(new SegmentEvent(t, 1, dir, flags, 1000, 2000, kind == DATA ? 5 : 0, 512, kind, dropped));
        return timeline.size() - 1;
    }

    private ProbeAnswer answer(int eventIndex) {
        rows.update();
        return rows.answer(eventIndex);
    }
}
