package org.keepalivelab.explain;

import static org.keepalivelab.explain.Words.at;
import static org.keepalivelab.explain.Words.cap;
import static org.keepalivelab.explain.Words.duration;
import static org.keepalivelab.explain.Words.the;

import java.util.ArrayList;
import java.util.List;
import org.keepalivelab.model.Action;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.SegmentKind;

/** The rules that tell when each surviving side learned of the fault, from its {@link Detection}. */
final class DetectionStory {
    private DetectionStory() {
    }

    /**
     * LEARNED: how and when a survivor's application learned (EOF, an error, its own close), counted
     * from the fault; or that it has not.
     */
    static List<Sentence> learned(ConnectionEvents events, List<Detection> detections) {
        var sentences = new ArrayList<Sentence>();
        var unaware = detections.stream().filter(d -> d.app().isEmpty() && d.kernel().isEmpty()).toList();
        for (var d : detections) {
            if (events.fromCapture()) {
                sentences.add(CaptureStory.learned(events, d));
                continue;
            }
            String who = the(d.side());
            long fault = d.fault().t();
            String since = since(d.fault());
            if (d.app().isPresent()) {
                var app = d.app().get();
                String what = switch (app.event()) {
                    case EOF -> "read returned EOF";
                    case ERROR -> "socket reported '" + app.message() + "'"
                            + errno(app.message());
                    default -> "application closed its socket";
                };
                sentences.add(Sentence.measured(app.t(), cap(who) + "'s " + what + " at " + at(app.t()) + ", "
                        + duration(app.t() - fault) + since + eofNotReset(events, d) + closedInTurn(events, d) + "."));
            } else if (d.kernel().isPresent()) {
                var kernel = d.kernel().get();
                String reads = CloseStory.readsOnce(events, d.side()) ? ": it never reads again, so nothing tells it"
                        : ": it has not read since";
                sentences.add(Sentence.measured(kernel.t(), cap(who) + "'s kernel ended the connection at "
                        + at(kernel.t()) + " (" + kernel.evidence().words() + "), but its application "
                        + (events.facts.live().isPresent() ? "has not learned yet" : "never learned") + reads + "."));
            } else if (events.restoredAt().isEmpty() && (unaware.size() == 1 || d == unaware.getFirst())) {
                // restored: there was nothing left to learn
                boolean both = unaware.size() == 2;
                long end = events.end();
                sentences.add(Sentence.measured(end, events.facts.live().isPresent()
                        ? "So far, " + duration(end - fault) + since + ", "
                        + (both ? "neither side has learned anything." : who + " has learned nothing.")
                        : (both ? "Neither side" : cap(who) + " never") + " learned of it: not during the run ("
                        + duration(end - fault) + since + ", when the run ended)."));
            }
        }
        return sentences;
    }

    /** {@code " after the sever"}, {@code " after the middlebox forgot it"}. */
    private static String since(Fault fault) {
        return fault.action().filter(Action.Forget.class::isInstance).isPresent() ? " after the middlebox forgot it" : " after the " + fault.name();
    }

    /**
     * READ_FOR_THE_SERVER: what the next read of a server that never reads again returns, which the lab
     * made once its kernel closed the socket (lab.ServerEndpoint) to show it; the server itself learns
     * nothing from it ({@link Detection#nextRead}).
     */
    static List<Sentence> readForTheServer(ConnectionEvents events, List<Detection> detections) {
        var sentences = new ArrayList<Sentence>();
        for (var d : detections) {
            d.nextRead().ifPresent(read -> {
                String returns = switch (read.event()) {
                    case EOF -> "EOF" + (finBeforeRst(events, d) ? ", not 'Connection reset', because the FIN had "
                            + "come before the RST" : "");
                    case ERROR -> "'" + read.message() + "'" + errno(read.message());
                    default -> read.event().name();
                };
                sentences.add(Sentence.measured(read.t(), "Its next read would return " + returns + " (the lab "
                        + "made that read for it at " + at(read.t()) + ", to show it)."));
            });
        }
        return sentences;
    }

    /**
     * EOF rather than "Connection reset" when the peer's FIN came before its RST: a RST in CLOSE_WAIT
     * sets {@code EPIPE}, not {@code ECONNRESET} ({@code tcp_reset}, {@code net/ipv4/tcp_input.c}), and
     * a read returns the FIN's end of stream first ({@code tcp_recvmsg}: {@code SOCK_DONE}).
     */
    private static String eofNotReset(ConnectionEvents events, Detection d) {
        return d.app().get().event() == AppEventType.EOF && finBeforeRst(events, d)
                ? ": EOF, not 'Connection reset', because the FIN had come before the RST" : "";
    }

    /** The side's kernel took the peer's FIN after the fault and then a RST. */
    private static boolean finBeforeRst(ConnectionEvents events, Detection d) {
        boolean rst = d.kernel().filter(k -> k.evidence() == KernelFinding.Evidence.RST_RECEIVED).isPresent();
        return rst && events.received(d.side()).stream()
                .anyMatch(s -> s.kind() == SegmentKind.FIN && s.t() >= d.fault().t());
    }

    /** A survivor that read EOF and then closed its own socket: its FIN goes the other way. */
    private static String closedInTurn(ConnectionEvents events, Detection d) {
        var app = d.app().get();
        if (app.event() != AppEventType.EOF) {
            return "";
        }
        return events.app(d.side()).stream().filter(a -> a.t() >= app.t() && a.event() == AppEventType.CLOSED)
                .findFirst().map(closed -> ", and it closed its socket in turn" + events.firstSent(d.side(),
                        SegmentKind.FIN, app.t()).map(fin -> " (FIN at " + at(fin.t()) + ")").orElse(""))
                .orElse("");
    }

    private static String errno(String message) {
        return switch (message == null ? "" : message) {
            case Detections.TIMED_OUT -> " (ETIMEDOUT)";
            case "Connection reset" -> " (ECONNRESET)";
            case "Broken pipe" -> " (EPIPE)";
            default -> "";
        };
    }
}
