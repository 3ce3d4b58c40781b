package org.keepalivelab.explain;

import java.util.List;
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

    /** @param events in time order; {@link #of(int)} takes an index into this list */
    public ProbeVerdicts(List<Event> events) {
        this(copy(events));
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
        this.timeline = timeline;
        this.rows = new SegmentRows(timeline);
        rows.update(size);
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
        int by = rows.answeredBy(index);
        if (by >= 0) {
            var answer = (SegmentEvent) timeline.get(by);
            return ProbeVerdict.answered(ProbeVerdict.AnsweredBy.of(answer.kind(), answer.len()));
        }
        return rows.waiting(index) ? ProbeVerdict.PENDING : ProbeVerdict.UNANSWERED;
    }

    /** The event that answered the probe at {@code index}, or -1 when none did (or it was inferred). */
    public int answeredBy(int index) {
        return timeline.inferred(index) ? -1 : rows.answeredBy(index);
    }

    /** True for a keep-alive probe, the events this class judges. */
    public static boolean isProbe(Event event) {
        return event instanceof SegmentEvent s && s.kind() == SegmentKind.KEEPALIVE;
    }
}
