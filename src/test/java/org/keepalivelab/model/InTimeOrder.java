package org.keepalivelab.model;

import java.util.Comparator;
import java.util.List;

/**
 * A test's view of a small timeline as records in time order (equal times in the order appended), to
 * compare with what a run or a reader made; the program itself sorts indexes, never a record an event.
 */
public final class InTimeOrder {
    private InTimeOrder() {
    }

    public static List<Event> of(Timeline timeline) {
        var events = timeline.snapshot();
        events.sort(Comparator.comparingLong(Event::t));
        return events;
    }
}
