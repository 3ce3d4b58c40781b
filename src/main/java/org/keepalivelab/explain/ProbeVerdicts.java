package org.keepalivelab.explain;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.keepalivelab.model.Action;
import org.keepalivelab.model.ActionEvent;
import org.keepalivelab.model.Event;
import org.keepalivelab.model.SegmentEvent;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.SegmentRows;
import org.keepalivelab.model.Timeline;

/**
 * The verdict on every keep-alive probe of a list of events (one connection's or a whole lab's), by
 * the model's one rule: the events go into a timeline of their own, read by {@link SegmentRows} as
 * the window's view reads the lab's, so the log, the story and the timeline cannot disagree.
 */
public final class ProbeVerdicts {
    private final Timeline timeline;
    private final SegmentRows rows;
    /**
     * The probes a reset middlebox dropped and answered with its forged pair ({@link ForgedResets}): the
     * timeline draws them dropped, as they are, but what answered them was the middlebox.
     */
    private final Set<Integer> answeredByMiddlebox;

    /** @param events in time order; {@link #of(int)} takes an index into this list */
    public ProbeVerdicts(List<Event> events) {
        this(copy(events), events.size(), ForgedResets.answered(events));
    }

    /**
     * The verdicts on the probes of {@code timeline} as it is now, read from its columns into rows off the
     * heap as the window's view reads them: a capture's millions of events, no record made for any;
     * {@link #of(int)} takes a timeline index. The events may be in any order, as a live lab appends
     * them: the rows sort each side's segments by time, as the view's do.
     */
    public ProbeVerdicts(Timeline timeline) {
        this(timeline, timeline.size());
    }

    /**
     * The verdicts on the probes of {@code timeline}'s first {@code size} events, as a record that ends
     * there judges them: what the lab appends meanwhile answers none of them.
     */
    public ProbeVerdicts(Timeline timeline, int size) {
        this(timeline, size, answeredByMiddlebox(timeline, size));
    }

    private ProbeVerdicts(Timeline timeline, int size, Set<Integer> answeredByMiddlebox) {
        this.timeline = timeline;
        this.rows = new SegmentRows(timeline);
        this.answeredByMiddlebox = answeredByMiddlebox;
        rows.update(size);
    }

    /**
     * {@link ForgedResets#answered} of {@code timeline}'s first {@code size} events, by timeline index. Only a
     * lab's run has a middlebox's forget, and only the connections it forgot are read as records, one at a
     * time and in time order: a run of millions of events puts no record of the others on the heap.
     */
    private static Set<Integer> answeredByMiddlebox(Timeline timeline, int size) {
        var forgotten = new HashSet<Integer>();
        for (int i = 0; i < size; i++) {
            if (!timeline.isSegment(i) && timeline.get(i) instanceof ActionEvent a && a.action() instanceof Action.Forget) {
                forgotten.add(a.conn());
            }
        }
        var answered = new HashSet<Integer>();
        for (int conn : forgotten) {
            // Stable: equal times keep the order appended, as a connection's events do everywhere else.
            var order = IntStream.range(0, size).filter(i -> timeline.conn(i) == conn).boxed()
                    .sorted(Comparator.comparingLong(timeline::t)).toList();
            ForgedResets.answered(order.stream().map(timeline::get).toList()).forEach(k -> answered.add(order.get(k)));
        }
        return answered;
    }

    private static Timeline copy(List<Event> events) {
        var timeline = new Timeline();
        events.forEach(timeline::append);
        return timeline;
    }

    /**
     * The verdict on the probe at {@code index} of the events.
     *
     * @throws IllegalArgumentException for an event that is no keep-alive probe
     */
    public ProbeVerdict of(int index) {
        if (timeline.inferred(index)) {
            return ProbeVerdict.UNKNOWN;
        }
        if (answeredByMiddlebox.contains(index)) {
            return ProbeVerdict.answered(ProbeVerdict.AnsweredBy.MIDDLEBOX);
        }
        int by = rows.answeredBy(index);
        if (by >= 0) {
            var answer = (SegmentEvent) timeline.get(by);
            return ProbeVerdict.answered(ProbeVerdict.AnsweredBy.of(answer.kind(), answer.len()));
        }
        return rows.waiting(index) ? ProbeVerdict.PENDING : ProbeVerdict.UNANSWERED;
    }

    /**
     * The event that answered the probe at {@code index} by the timeline's rule, or -1 when none did (or it
     * was inferred, or a middlebox answered it: its forged RSTs are no peer's answer).
     */
    public int answeredBy(int index) {
        return timeline.inferred(index) ? -1 : rows.answeredBy(index);
    }

    /** True for a keep-alive probe, the events this class judges. */
    public static boolean isProbe(Event event) {
        return event instanceof SegmentEvent s && s.kind() == SegmentKind.KEEPALIVE;
    }
}
