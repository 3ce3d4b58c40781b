package org.keepalivelab.model;

/**
 * The lab's rule for what answered a keep-alive probe, beside the classification of segments
 * ({@code capture.TcpAnalyzer}): Wireshark marks a keep-alive and a keep-alive ACK, but not which
 * probe an ACK answers, nor that a RST or data answered one.
 *
 * <p><b>Answered</b>: a probe is answered by the peer's first segment after it that is not a probe of
 * its own, if that segment arrives (a sever did not drop it) before the probe's sender sends anything
 * but an acknowledgement (an ACK, a keep-alive ACK or a window update). A RST answers it {@code RST};
 * any other segment, {@code ACK}. Otherwise, and for a probe lost to a sever or inferred rather than
 * captured, it is unanswered ({@code NONE}).
 * <ul>
 *   <li>The peer's own probes are skipped: when both sides probe, each side's ACK to the other's probe
 *       can leave before the answer to its own (crossing probes).
 *   <li>The sender's acknowledgements do not end the wait (it acknowledges the peer's probe or data
 *       meanwhile); anything else it sends does: the peer's next segment answers that instead.
 * </ul>
 *
 * <p>The rule reads both sides' segments in time order. As segments arrive a little out of order,
 * {@link #settleAround} decides again the answers a new segment can change: only the last probe
 * before it on each side, as a later probe ends an earlier one's wait.
 */
public final class ProbeAnswers {
    private ProbeAnswers() {
    }

    /** What answered the segment at {@code i} of {@code own}, a probe, given what {@code peer} sent: see above. */
    static ProbeAnswer answerTo(SegmentRow own, int i, SegmentRow peer) {
        int j = answering(own, i, peer);
        return j < 0 ? ProbeAnswer.NONE : peer.kind(j) == SegmentKind.RST ? ProbeAnswer.RST : ProbeAnswer.ACK;
    }

    /** Where in {@code peer} the segment that answered the probe at {@code i} of {@code own} sits, or -1: see above. */
    static int answering(SegmentRow own, int i, SegmentRow peer) {
        if (own.kind(i) != SegmentKind.KEEPALIVE || own.dropped(i) || own.inferred(i)) {
            return -1;
        }
        int j = nextFromPeer(own, i, peer);
        if (j == peer.size() || !waitLasted(own, i, peer.t(j)) || peer.dropped(j)) {
            return -1;
        }
        return j;
    }

    /**
     * True while the probe at {@code i} of {@code own} may still be answered: it was captured, not lost
     * to a sever, its sender has sent nothing since but acknowledgements, and the peer nothing but its
     * own probes. A record that ends here ends before the answer could come.
     */
    static boolean waiting(SegmentRow own, int i, SegmentRow peer) {
        return own.kind(i) == SegmentKind.KEEPALIVE && !own.dropped(i) && !own.inferred(i)
                && nextFromPeer(own, i, peer) == peer.size() && waitLasted(own, i, Long.MAX_VALUE);
    }

    /** The peer's first segment after the probe at {@code i} that is not a probe of its own (crossing ours). */
    private static int nextFromPeer(SegmentRow own, int i, SegmentRow peer) {
        int j = peer.firstAfter(own.t(i));
        while (j < peer.size() && peer.kind(j) == SegmentKind.KEEPALIVE) {
            j++;
        }
        return j;
    }

    /** True if the sender of the probe at {@code i} sent nothing but acknowledgements after it, up to {@code until}. */
    private static boolean waitLasted(SegmentRow own, int i, long until) {
        for (int k = i + 1; k < own.size() && own.t(k) <= until; k++) {
            if (!isAcknowledgement(own.kind(k))) {
                return false; // the sender moved on before the peer's segment came
            }
        }
        return true;
    }

    /**
     * Decides again every answer that the segment just inserted at {@code at} of {@code own} can change:
     * its own if it is a probe; unless it is an acknowledgement, the last probe {@code own} sent before
     * it, if answered (it ends that probe's wait, perhaps before the answer came); unless it is a probe,
     * the last probe {@code peer} sent before it (which it may answer). Each search walks back only over
     * segments that cannot have decided that answer.
     */
    static void settleAround(SegmentRow own, int at, SegmentRow peer) {
        var kind = own.kind(at);
        if (kind == SegmentKind.KEEPALIVE) {
            settle(own, at, peer);
        }
        if (!isAcknowledgement(kind)) {
            int waiting = lastWaitingProbe(own, at - 1, Long.MIN_VALUE);
            // It can take an answer away, not give one; and not one that came before it, as all the
            // peer sent did while segments arrive in order.
            if (waiting >= 0 && own.answer(waiting) != ProbeAnswer.NONE && peer.t(peer.size() - 1) >= own.t(at)) {
                settle(own, waiting, peer);
            }
        }
        if (kind != SegmentKind.KEEPALIVE) {
            // A peer's probe before own's previous non-probe segment was answered by it, or earlier.
            long answeredBefore = Long.MIN_VALUE;
            for (int k = at - 1; k >= 0; k--) {
                if (own.kind(k) != SegmentKind.KEEPALIVE) {
                    answeredBefore = own.t(k);
                    break;
                }
            }
            int waiting = lastWaitingProbe(peer, peer.firstAfter(own.t(at)) - 1, answeredBefore);
            if (waiting >= 0) {
                settle(peer, waiting, own);
            }
        }
    }

    /**
     * The probe of {@code row} whose wait may still run at {@code from}: walking back from there over
     * acknowledgements (which do not end a wait) to the first other segment, if it is a probe sent at
     * or after {@code notBefore}; else -1.
     */
    private static int lastWaitingProbe(SegmentRow row, int from, long notBefore) {
        for (int k = from; k >= 0 && row.t(k) >= notBefore; k--) {
            var kind = row.kind(k);
            if (kind == SegmentKind.KEEPALIVE) {
                return k;
            }
            if (!isAcknowledgement(kind)) {
                return -1;
            }
        }
        return -1;
    }

    private static void settle(SegmentRow own, int i, SegmentRow peer) {
        own.setAnswer(i, answerTo(own, i, peer));
    }

    /** What a side sends without ending its wait for an answer: it acknowledges what the peer sent. */
    private static boolean isAcknowledgement(SegmentKind kind) {
        return kind == SegmentKind.ACK || kind == SegmentKind.KEEPALIVE_ACK || kind == SegmentKind.WINDOW_UPDATE;
    }
}
