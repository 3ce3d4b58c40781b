package org.keepalivelab.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import org.keepalivelab.lab.KeepaliveSettings;
import org.keepalivelab.lab.LabSettings;
import org.keepalivelab.lab.SocketSettings;
import org.keepalivelab.model.Action;
import org.keepalivelab.model.ActionEvent;
import org.keepalivelab.model.AppEvent;
import org.keepalivelab.model.SegmentEvent;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.StateEvent;
import org.keepalivelab.model.TcpState;

/**
 * One connection's events sorted out once for the rules: each side's segments (probes with their
 * verdicts), kernel states and application events, the actions, the fault, the settings. Pure: it
 * reads the facts it is given and nothing else.
 */
final class ConnectionEvents {
    /** A probe a side sent, and what became of it. */
    record SentProbe(SegmentEvent segment, ProbeVerdict verdict) {
        long t() {
            return segment.t();
        }
    }

    final ConnectionFacts facts;
    final Optional<Fault> fault;
    final List<ActionEvent> actions = new ArrayList<>();
    private final Map<Side, List<SegmentEvent>> sent = new EnumMap<>(Side.class);
    /** The RSTs a middlebox forged, each to the side it reached (who it claims sent it is no sender). */
    private final Map<Side, List<SegmentEvent>> forged = new EnumMap<>(Side.class);
    private final Map<Side, List<SentProbe>> probes = new EnumMap<>(Side.class);
    private final Map<Side, List<StateEvent>> states = new EnumMap<>(Side.class);
    private final Map<Side, List<AppEvent>> app = new EnumMap<>(Side.class);
    /** The dropped segment a middlebox that resets answered with its forged pair, if one did. */
    final Optional<SegmentEvent> resetTrigger;

    ConnectionEvents(ConnectionFacts facts) {
        this(facts, new ProbeVerdicts(facts.events())::of);
    }

    /**
     * @param verdicts the verdict on the probe at each index of the facts' events: an import's are judged
     *                 once over its whole timeline ({@link CaptureExplanations}) rather than per connection
     */
    ConnectionEvents(ConnectionFacts facts, IntFunction<ProbeVerdict> verdicts) {
        this.facts = facts;
        for (var side : Side.values()) {
            sent.put(side, new ArrayList<>());
            forged.put(side, new ArrayList<>());
            probes.put(side, new ArrayList<>());
            states.put(side, new ArrayList<>());
            app.put(side, new ArrayList<>());
        }
        var events = facts.events();
        var forgeries = ForgedResets.of(events);
        this.resetTrigger = forgeries.stream().min(Integer::compare).flatMap(first -> events.subList(0, first)
                .reversed().stream().filter(e -> e instanceof SegmentEvent).map(e -> (SegmentEvent) e).findFirst());
        for (int i = 0; i < events.size(); i++) {
            boolean isForged = forgeries.contains(i);
            switch (events.get(i)) {
                case SegmentEvent s when isForged -> forged.get(s.dir().receiver()).add(s);
                case SegmentEvent s -> {
                    sent.get(s.dir().sender()).add(s);
                    if (s.kind() == SegmentKind.KEEPALIVE) {
                        probes.get(s.dir().sender()).add(new SentProbe(s, verdicts.apply(i)));
                    }
                }
                case StateEvent s -> states.get(s.side()).add(s);
                case AppEvent a -> app.get(a.side()).add(a);
                case ActionEvent a -> actions.add(a);
            }
        }
        this.fault = facts.fromCapture() ? CaptureFault.first(this) : Fault.first(facts.events());
    }

    /** True for a connection read from a capture: no application events, no settings ({@link ConnectionFacts#fromCapture}). */
    boolean fromCapture() {
        return facts.fromCapture();
    }

    int conn() {
        return facts.conn();
    }

    /**
     * The segments {@code side} sent (dropped ones too: a sever drops them at the receiver); not the RSTs
     * a middlebox forged in its name ({@link #forgedTo}).
     */
    List<SegmentEvent> sent(Side side) {
        return sent.get(side);
    }

    /**
     * The segments {@code side} received: its peer's, less those a sever dropped, and a middlebox's
     * forged RST. From a capture that shows a silence, the peer's segments from its start on are not
     * known to have arrived (the path lost the probes; a RST sent into it may have gone the same way),
     * so they are left out.
     */
    List<SegmentEvent> received(Side side) {
        long lostFrom = fault.filter(f -> f.seen() == Fault.Seen.SILENCE).map(Fault::t).orElse(Long.MAX_VALUE);
        var received = new ArrayList<>(sent.get(side.peer()).stream().filter(s -> !s.dropped() && s.t() < lostFrom)
                .toList());
        received.addAll(forged.get(side));
        received.sort(Comparator.comparingLong(SegmentEvent::t));
        return received;
    }

    /** The RST a middlebox that resets forged to {@code side}, in its peer's name ({@link ForgedResets}). */
    Optional<SegmentEvent> forgedTo(Side side) {
        return forged.get(side).stream().findFirst();
    }

    List<SentProbe> probes(Side side) {
        return probes.get(side);
    }

    List<StateEvent> states(Side side) {
        return states.get(side);
    }

    List<AppEvent> app(Side side) {
        return app.get(side);
    }

    /** The first time {@code side}'s kernel was found in {@code state}, at or after {@code from}. */
    Optional<StateEvent> firstState(Side side, TcpState state, long from) {
        return states(side).stream().filter(s -> s.state() == state && s.t() >= from).findFirst();
    }

    /** The first segment of {@code kind} that {@code side} sent at or after {@code from}. */
    Optional<SegmentEvent> firstSent(Side side, SegmentKind kind, long from) {
        return sent(side).stream().filter(s -> s.kind() == kind && s.t() >= from).findFirst();
    }

    /** The first action of type {@code type}, if any. */
    <A extends Action> Optional<A> firstAction(Class<A> type) {
        return actions.stream().map(ActionEvent::action).filter(type::isInstance).map(type::cast).findFirst();
    }

    /** When the first action of {@code type} was taken. */
    Optional<Long> firstActionAt(Class<? extends Action> type) {
        return actions.stream().filter(a -> type.isInstance(a.action())).map(ActionEvent::t).findFirst();
    }

    /** The fault's time, or the connection's start when it had none: where "after the fault" begins. */
    long faultT() {
        return fault.map(Fault::t).orElse(Long.MIN_VALUE);
    }

    /** When the lab restored the connection after its fault (a sever healed), if it did. */
    Optional<Long> restoredAt() {
        return actions.stream().filter(a -> a.action() instanceof Action.Restore && a.t() > faultT())
                .map(ActionEvent::t).findFirst();
    }

    /**
     * Where the record ends: the run's end for a run that is over (the facts' {@code now}), or the last
     * event's time when that is later.
     */
    long end() {
        var events = facts.events();
        return events.isEmpty() ? facts.now() : Math.max(facts.now(), events.getLast().t());
    }

    Optional<SocketSettings> socket(Side side) {
        return facts.settings().map(s -> side == Side.CLIENT ? s.client() : s.server());
    }

    /** Whether {@code side}'s keep-alive was on; empty where the settings are unknown. */
    Optional<Boolean> keepaliveOn(Side side) {
        return socket(side).map(s -> s.keepalive().enabled());
    }

    /** {@code side}'s keep-alive count, the kernel's where the socket left it. */
    Optional<Integer> keepaliveCount(Side side) {
        return socket(side).map(s -> s.keepalive().count() == KeepaliveSettings.KERNEL_DEFAULT_COUNT
                ? facts.kernel().keepaliveProbes() : s.keepalive().count());
    }

    /**
     * How long {@code side}'s socket lives as an orphan in FIN_WAIT2, in seconds, and where that comes
     * from: its {@code TCP_LINGER2} (the lab's orphan lifetime, set on the client's socket) or the
     * kernel's {@code net.ipv4.tcp_fin_timeout} ({@code tcp_fin_time}, {@code include/net/tcp.h}).
     */
    Optional<Lifetime> orphanLifetime(Side side) {
        return facts.settings().map(s -> side == Side.CLIENT
                && s.orphanLifetimeSeconds() != LabSettings.KERNEL_DEFAULT_ORPHAN_LIFETIME
                ? new Lifetime(s.orphanLifetimeSeconds(), "TCP_LINGER2, the lab's orphan lifetime")
                : new Lifetime(facts.kernel().finTimeout(), "the kernel's tcp_fin_timeout"));
    }

    record Lifetime(int seconds, String source) {
    }
}
