package org.keepalivelab.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.keepalivelab.model.Action;
import org.keepalivelab.model.AppEvent;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.TcpState;

/**
 * When each side that outlived a connection's fault learned of it, measured from the events: one
 * {@link Detection} per side of {@link Fault#survivors()}. Pure: no I/O, no clock.
 */
final class Detections {
    /**
     * Java's words for {@code ETIMEDOUT} ({@code strerror}: "Connection timed out"), what a read or
     * write throws once the kernel gave up on the connection ({@code tcp_write_err},
     * {@code net/ipv4/tcp_timer.c}); the lab records the exception's text as is.
     */
    static final String TIMED_OUT = "Connection timed out";

    private Detections() {
    }

    static List<Detection> of(ConnectionEvents events) {
        var detections = new ArrayList<Detection>();
        events.fault.ifPresent(fault -> {
            for (var side : fault.survivors()) {
                var kernel = kernel(events, side, fault.t());
                var app = app(events, side, fault.t());
                if (actedFirst(events, side, fault.t(), kernel, app)) {
                    continue;
                }
                detections.add(new Detection(events.conn(), side, fault, kernel, app,
                        nextRead(events, side, fault.t()), Basis.MEASURED, !events.fromCapture()));
            }
        });
        return detections;
    }

    /**
     * True when {@code side} threw its socket away itself (its own kill or abort) after the fault and
     * before anything told it of the fault: its RST or CLOSED come from its own act, so it learned
     * nothing; it acted, like the side a kill hits (the client that aborts during a sever). A close is
     * not such an act: it reads on to the end, and what that read returns is what it learns.
     */
    static boolean actedFirst(ConnectionEvents events, Side side, long from, Optional<KernelFinding> kernel,
                              Optional<AppFinding> app) {
        var acted = events.actions.stream().filter(a -> a.t() > from
                && (a.action() instanceof Action.Kill || a.action() instanceof Action.Abort)
                && a.action().actingSide().equals(Optional.of(side))).findFirst();
        return acted.isPresent() && kernel.map(k -> k.t() >= acted.get().t()).orElse(true)
                && app.map(a -> a.t() >= acted.get().t()).orElse(true);
    }

    /** A kill, abort or close: the application lets go of its socket (a half-close keeps it). */
    static boolean endsItsSocket(Action action) {
        return action instanceof Action.Kill || action instanceof Action.Abort || action instanceof Action.Close;
    }

    /**
     * The earliest evidence after {@code from} that {@code side}'s kernel ended the connection: a RST it
     * sent, a RST it received (one a sever dropped never arrived), its {@code ETIMEDOUT}, or a sample
     * that found its socket CLOSED.
     */
    static Optional<KernelFinding> kernel(ConnectionEvents events, Side side, long from) {
        var candidates = new ArrayList<KernelFinding>();
        events.firstSent(side, SegmentKind.RST, from)
                .ifPresent(s -> candidates.add(KernelFinding.exact(s.t(), KernelFinding.Evidence.RST_SENT)));
        events.received(side).stream().filter(s -> s.kind() == SegmentKind.RST && s.t() >= from).findFirst()
                .ifPresent(s -> candidates.add(KernelFinding.exact(s.t(), KernelFinding.Evidence.RST_RECEIVED)));
        events.app(side).stream().filter(a -> a.t() >= from && isTimedOut(a)).findFirst()
                .ifPresent(a -> candidates.add(KernelFinding.exact(a.t(), KernelFinding.Evidence.TIMED_OUT)));
        events.firstState(side, TcpState.CLOSED, from).filter(s -> !s.inferred()) // a capture's CLOSED is no sample
                .ifPresent(s -> candidates.add(KernelFinding.sampled(s.t(), events.facts.samplingPeriod())));
        CaptureFault.probesStopped(events, side, from).ifPresent(candidates::add);
        // The earliest; at equal times the list's order, which puts what the wire shows first.
        return candidates.stream().reduce((a, b) -> b.t() < a.t() ? b : a);
    }

    /**
     * The first thing after {@code from} that told {@code side}'s application: EOF, an error, or its own
     * close; not a read the lab made for an application that never reads again ({@link #nextRead}).
     */
    static Optional<AppFinding> app(ConnectionEvents events, Side side, long from) {
        return endsAfter(events, side, from).filter(a -> !readForTheApp(events, side, a)).findFirst()
                .map(Detections::finding);
    }

    /**
     * What the next read of an application that never reads again returned, and when: the read the lab
     * made for it once its kernel closed the socket (lab.ServerEndpoint), which that application never
     * makes; empty for any other.
     */
    static Optional<AppFinding> nextRead(ConnectionEvents events, Side side, long from) {
        return endsAfter(events, side, from).filter(a -> readForTheApp(events, side, a)).findFirst()
                .map(Detections::finding);
    }

    private static Stream<AppEvent> endsAfter(ConnectionEvents events, Side side, long from) {
        return events.app(side).stream().filter(a -> a.t() >= from && tellsTheEnd(a.event()));
    }

    private static AppFinding finding(AppEvent a) {
        return new AppFinding(a.t(), a.event(), a.event() == AppEventType.ERROR ? a.message() : null);
    }

    /**
     * True for an EOF or error a read-once server saw after its first message, unless its own act came
     * first: its close (which reads to the end) or a reply (whose write fails). It stopped reading, so
     * that read is the lab's.
     */
    private static boolean readForTheApp(ConnectionEvents events, Side side, AppEvent end) {
        if (!CloseStory.readsOnce(events, side) || end.event() == AppEventType.CLOSED) {
            return false;
        }
        boolean readOnce = events.app(side).stream()
                .anyMatch(a -> a.event() == AppEventType.READ && a.t() <= end.t());
        boolean ownAct = events.actions.stream().anyMatch(a -> a.t() <= end.t()
                && a.action().actingSide().equals(Optional.of(side))
                && (a.action() instanceof Action.Close || a.action() instanceof Action.Reply));
        return readOnce && !ownAct;
    }

    static boolean isTimedOut(AppEvent event) {
        return event.event() == AppEventType.ERROR && TIMED_OUT.equals(event.message());
    }

    private static boolean tellsTheEnd(AppEventType type) {
        return type == AppEventType.EOF || type == AppEventType.ERROR || type == AppEventType.CLOSED;
    }
}
