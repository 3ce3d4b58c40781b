package org.keepalivelab.ui.timeline;

import org.keepalivelab.model.ProbeAnswer;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.SegmentRow;

/**
 * What a segment looks like on the timeline: its {@link SegmentKind}, with keep-alive probes split by
 * whether they were answered. {@link #priority} decides which mark survives when several share a
 * pixel: a lone RST is never lost.
 */
public enum MarkKind {
    SYN("SYN / SYN-ACK", 8),
    DATA("data (bytes)", 5),
    ACK("ACK", 0),
    FIN("FIN", 9),
    RST("RST", 10),
    PROBE_ANSWERED("keep-alive, answered", 6),
    PROBE_UNANSWERED("keep-alive, unanswered", 7),
    PROBE_ACK("keep-alive ACK", 2),
    /** Not captured: the sender's {@code TCP_INFO} probe count rose (limited mode). */
    PROBE_INFERRED("keep-alive, inferred", 6),
    RETRANSMISSION("retransmission", 4),
    ZERO_WINDOW_PROBE("zero-window probe", 3),
    WINDOW_UPDATE("window update", 1);

    private final String label;
    private final int priority;

    MarkKind(String label, int priority) {
        this.label = label;
        this.priority = priority;
    }

    /** The legend's words. */
    public String label() {
        return label;
    }

    public int priority() {
        return priority;
    }

    /** How the segment at {@code i} of {@code row} is drawn: a keep-alive probe by its answer. */
    static MarkKind of(SegmentRow row, int i) {
        var kind = row.kind(i);
        if (kind != SegmentKind.KEEPALIVE) {
            return of(kind);
        }
        if (row.inferred(i)) {
            return PROBE_INFERRED;
        }
        return row.answer(i) == ProbeAnswer.NONE ? PROBE_UNANSWERED : PROBE_ANSWERED;
    }

    /** The mark of a segment that is not a keep-alive probe (probes depend on their answer). */
    private static MarkKind of(SegmentKind kind) {
        return switch (kind) {
            case SYN, SYN_ACK -> SYN;
            case DATA -> DATA;
            case ACK -> ACK;
            case FIN -> FIN;
            case RST -> RST;
            case KEEPALIVE -> PROBE_UNANSWERED;
            case KEEPALIVE_ACK -> PROBE_ACK;
            case RETRANSMISSION -> RETRANSMISSION;
            case ZERO_WINDOW_PROBE -> ZERO_WINDOW_PROBE;
            case WINDOW_UPDATE -> WINDOW_UPDATE;
        };
    }
}
