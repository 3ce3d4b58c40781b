package org.keepalivelab.ui.timeline;

import org.keepalivelab.model.ProbeAnswer;
import org.keepalivelab.model.SegmentEvent;
import org.keepalivelab.model.SegmentKind;

/**
 * The words shown for a hovered or clicked mark: time (in the axis's words, to the microsecond; a
 * kernel state, sampled, to the millisecond), flags, seq/ack, length, classification.
 */
public final class MarkDetails {
    private MarkDetails() {
    }

    public static String describe(Hit hit, TimelineModel model) {
        return describe(hit, model, LaneDetections.NONE);
    }

    /** As {@link #describe(Hit, TimelineModel)}, a probe a reset middlebox answered worded as its ({@code explained}). */
    public static String describe(Hit hit, TimelineModel model, LaneDetections explained) {
        var lane = model.lane(hit.conn(), false).orElse(null);
        if (lane == null) {
            return "";
        }
        return switch (hit) {
            case Hit.Segment s -> segment(model, lane, s, explained);
            case Hit.State s -> state(lane, s);
            case Hit.App a -> app(lane, a);
            case Hit.Action a -> {
                var action = lane.actions().get(a.index());
                yield "Connection " + lane.conn() + " · you at " + TimeAxis.format(action.t(), TimeAxis.MICROSECOND)
                        + ": " + action.action().words();
            }
            case Hit.Bracket b -> DetectionWords.details(b.detection());
            case Hit.Lane l -> "Connection " + l.conn();
        };
    }

    private static String segment(TimelineModel model, ConnectionLane lane, Hit.Segment hit, LaneDetections explained) {
        var row = lane.segments(hit.side());
        int index = row.eventIndex(hit.index());
        var event = (SegmentEvent) model.source().get(index);
        var text = new StringBuilder();
        text.append(TimeAxis.format(event.t(), TimeAxis.MICROSECOND)).append(" · connection ").append(lane.conn()).append(" · ")
                .append(hit.side().label()).append(" → ").append(hit.side().peer().label()).append('\n');
        if (event.inferred()) {
            return text.append("Keep-alive probe, inferred: not captured (no capture in limited mode); the ")
                    .append(hit.side().label()).append("'s TCP_INFO count of unanswered probes rose here ")
                    .append("(sampled every 20 ms, less often beyond a hundred connections). Answered probes reset ")
                    .append("the count before a sample sees it, so only unanswered ones show.").toString();
        }
        text.append("[").append(event.flagNames()).append("]  seq ").append(event.seq()).append("  ack ")
                .append(event.ack()).append("  len ").append(event.len()).append("  win ").append(event.window())
                .append('\n');
        if (event.kind() == SegmentKind.KEEPALIVE && explained.answeredByMiddlebox(lane.conn(), event.t())) {
            // The lane draws it dropped, as it was; the explanation knows whose RSTs answered it (explain.ForgedResets).
            return text.append("Keep-alive probe (no payload, seq = SND.NXT − 1): answered by the middlebox, which had ")
                    .append("forgotten the connection: it dropped the probe before the ").append(hit.side().peer().label())
                    .append("'s socket saw it and answered with a forged RST to each end. The application sees none ")
                    .append("of this.").toString();
        }
        text.append(classification(event, row.answer(hit.index())));
        if (model.assumed(index)) {
            text.append("\nAssumed from the capture: a file cannot show whether the sender had data waiting, "
                    + "and Linux probes a zero window only then; a keep-alive-shaped segment into a zero window "
                    + "is taken for that probe.");
        }
        if (event.dropped()) {
            text.append("\nLost: the lab's sever dropped it before the ")
                    .append(hit.side().peer().label()).append("'s socket saw it.");
        }
        return text.toString();
    }

    static String classification(SegmentEvent event, ProbeAnswer answer) {
        return switch (event.kind()) {
            case SYN -> "SYN: opens the connection.";
            case SYN_ACK -> "SYN-ACK: the server accepts the connection.";
            case ACK -> "ACK: acknowledges what arrived, carries no data.";
            case DATA -> "Data: " + event.len() + " bytes of payload.";
            case FIN -> "FIN: the sender will send no more (a killed process's kernel sends one too).";
            case RST -> "RST: the sender's kernel resets the connection; nothing more will cross it.";
            case KEEPALIVE -> "Keep-alive probe (no payload, seq = SND.NXT − 1): "
                    + switch (answer) {
                        case ACK -> "answered by an ACK, so the peer's socket is alive.";
                        case RST -> "answered by RST: the peer's kernel no longer knows the connection.";
                        case NONE -> "unanswered.";
                    }
                    + " The application sees none of this.";
            case KEEPALIVE_ACK -> "Keep-alive ACK: the peer's kernel answers a probe; its application is not involved.";
            case RETRANSMISSION -> "Retransmission: data sent again, not acknowledged in time. "
                    + "Keep-alive waits while data is unacknowledged.";
            case ZERO_WINDOW_PROBE -> "Zero-window probe (the persist timer): the receiver advertised window 0. "
                    + "Linux's persist probe has a keep-alive's shape (no payload, seq = SND.NXT − 1), "
                    + "which Wireshark calls a keep-alive.";
            case WINDOW_UPDATE -> "Window update: the receiver has room again.";
        };
    }

    private static String state(ConnectionLane lane, Hit.State hit) {
        var row = lane.states(hit.side());
        int i = hit.index();
        var text = new StringBuilder();
        text.append("Connection ").append(lane.conn()).append(" · ").append(hit.side().label()).append("'s kernel: ")
                .append(row.state(i).name()).append(" from ").append(TimeAxis.format(row.t(i), TimeAxis.MILLISECOND));
        if (i + 1 < row.size()) {
            text.append(" for ").append(TimeAxis.duration(row.t(i + 1) - row.t(i)));
        }
        if (row.orphan(i)) {
            text.append("\nOrphan: the application no longer holds the socket; the kernel still does.");
        }
        if (row.inferred(i)) {
            text.append("\nInferred from the capture: the state its segments imply (RFC 9293), no kernel was asked.");
        }
        if (row.unanswered(i) > 0) {
            text.append("\n").append(row.unanswered(i)).append(" keep-alive probe(s) unanswered.");
        }
        return text.toString();
    }

    private static String app(ConnectionLane lane, Hit.App hit) {
        var event = lane.app(hit.side()).get(hit.index());
        String what = switch (event.event()) {
            case EOF -> "EOF: the read returned end of stream (the peer's FIN had arrived).";
            case ERROR -> {
                String words = AppRow.words(event);
                yield "Error: " + words + (words.contains("timed out") ? " (the kernel gave up: ETIMEDOUT)." : ".");
            }
            default -> AppRow.words(event) + ".";
        };
        return TimeAxis.format(event.t(), TimeAxis.MICROSECOND) + " · connection " + lane.conn() + " · "
                + hit.side().label() + " application\n" + what;
    }
}
