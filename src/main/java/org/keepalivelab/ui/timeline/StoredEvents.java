package org.keepalivelab.ui.timeline;

import java.util.AbstractList;
import java.util.RandomAccess;
import org.keepalivelab.model.Event;
import org.keepalivelab.model.Timeline;
import org.keepalivelab.model.store.MappedBlocks;
import org.keepalivelab.model.store.TimeRecords;

/**
 * Some of a lane's events (one application's, the user's actions), sorted by time, kept as their
 * times and indexes into the timeline in the view model's store, off the heap: {@link #get} rebuilds
 * the record from the timeline. Read-only to everyone but the model.
 */
final class StoredEvents<E extends Event> extends AbstractList<E> implements RandomAccess {
    private final Timeline timeline;
    private final Class<E> type;
    private final TimeRecords records;

    StoredEvents(Timeline timeline, MappedBlocks store, Class<E> type) {
        this.timeline = timeline;
        this.type = type;
        this.records = new TimeRecords(store);
    }

    /** Takes in {@code event}, the timeline's event {@code index}, in time order. */
    void add(E event, int index) {
        records.add(event.t(), index, 0);
    }

    @Override
    public E get(int i) {
        return type.cast(timeline.get(records.event(i)));
    }

    /** The time of event {@code i}, without rebuilding it. */
    long t(int i) {
        return records.t(i);
    }

    @Override
    public int size() {
        return records.size();
    }

    int firstAtOrAfter(long t) {
        return records.firstAtOrAfter(t);
    }
}
