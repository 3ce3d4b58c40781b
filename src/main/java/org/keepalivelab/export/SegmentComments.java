package org.keepalivelab.export;

import java.util.BitSet;
import org.keepalivelab.explain.ProbeVerdict;
import org.keepalivelab.explain.ProbeVerdicts;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.Timeline;

/**
 * A segment's comment in a pcapng export, in plain words: what the lab's analyzer called it, what
 * became of a keep-alive, a RST a probe drew, a segment lost to the lab's sever; Wireshark shows it as
 * the packet's comment ({@code frame.comment}).
 */
final class SegmentComments {
    private final Timeline timeline;
    private final ProbeVerdicts verdicts;
    private final BitSet drawnByProbes = new BitSet();

    /** The words for {@code timeline}'s segments, its probes judged once here. */
    SegmentComments(Timeline timeline) {
        this.timeline = timeline;
        this.verdicts = new ProbeVerdicts(timeline);
        for (int i = 0; i < timeline.size(); i++) {
            if (isProbe(i)) {
                int by = verdicts.answeredBy(i);
                if (by >= 0 && timeline.segmentKind(by) == SegmentKind.RST) {
                    drawnByProbes.set(by);
                }
            }
        }
    }

    private boolean isProbe(int index) {
        return timeline.isSegment(index) && timeline.segmentKind(index) == SegmentKind.KEEPALIVE;
    }

    /** The comment for segment {@code index}; {@code assumed} when its label rests on what a capture cannot show. */
    String of(int index, boolean assumed) {
        String words = switch (timeline.segmentKind(index)) {
            case SYN -> "SYN";
            case SYN_ACK -> "SYN-ACK";
            case ACK -> "ACK";
            case DATA -> "data, " + timeline.length(index) + " bytes";
            case FIN -> "FIN";
            case RST -> drawnByProbes.get(index) ? "RST drawn by a probe" : "RST";
            case KEEPALIVE -> keepalive(verdicts.of(index));
            case KEEPALIVE_ACK -> "keep-alive ACK";
            case RETRANSMISSION -> "retransmission";
            case ZERO_WINDOW_PROBE -> "zero-window probe, not a keep-alive" + (assumed ? " (assumed from the capture)" : "");
            case WINDOW_UPDATE -> "window update";
        };
        return timeline.dropped(index) ? words + ", lost to the sever" : words;
    }

    private static String keepalive(ProbeVerdict verdict) {
        return switch (verdict.outcome()) {
            case ANSWERED -> switch (verdict.by().orElseThrow()) {
                case RST -> "keep-alive, answered by a RST";
                case MIDDLEBOX -> "keep-alive, answered by the middlebox's forged RSTs";
                case KEEPALIVE_ACK, DATA, ACK -> "keep-alive, answered";
            };
            case UNANSWERED -> "keep-alive, unanswered";
            case PENDING -> "keep-alive, no answer before the capture ends";
            case UNKNOWN -> "keep-alive";
        };
    }
}
