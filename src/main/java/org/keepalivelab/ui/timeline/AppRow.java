package org.keepalivelab.ui.timeline;

import java.util.List;
import org.keepalivelab.model.AppEvent;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.Timeline;
import org.keepalivelab.model.store.MappedBlocks;

/**
 * What one side's application saw, sorted by time, off the heap in the view model's store ({@link
 * StoredEvents}): a flood of writes and reads grows the page cache, not the heap. {@link #get}
 * rebuilds an event from the timeline.
 */
public final class AppRow {
    private final StoredEvents<AppEvent> events;

    AppRow(Timeline timeline, MappedBlocks store) {
        this.events = new StoredEvents<>(timeline, store, AppEvent.class);
    }

    void add(AppEvent event, int index) {
        events.add(event, index);
    }

    public int size() {
        return events.size();
    }

    public AppEvent get(int i) {
        return events.get(i);
    }

    /** The time of event {@code i}, without rebuilding it. */
    public long t(int i) {
        return events.t(i);
    }

    public int firstAtOrAfter(long t) {
        return events.firstAtOrAfter(t);
    }

    /** True for the events that end the application's connection: EOF or an error. */
    public static boolean isOutcome(AppEvent event) {
        return event.event() == AppEventType.EOF || event.event() == AppEventType.ERROR;
    }

    /** The words the timeline writes for an event: "EOF", "Connection timed out", "read 5 B". */
    public static String words(AppEvent event) {
        return switch (event.event()) {
            case CONNECTED -> "connected";
            case WRITE -> "write " + event.bytes() + " B";
            case READ -> "read " + event.bytes() + " B";
            case EOF -> "EOF";
            case ERROR -> event.message() == null ? "error" : event.message();
            case CLOSED -> event.message() == null ? "closed" : "closed (" + event.message() + ")";
        };
    }

    /** How an application's outcome reads on the timeline: EOF spelled out, an error by its message. */
    static String outcomeWords(AppEvent event) {
        return event.event() == AppEventType.EOF ? "EOF: read returned end of stream" : words(event);
    }

    /** The outcomes, in time order. */
    public List<AppEvent> outcomes() {
        return events.stream().filter(AppRow::isOutcome).toList();
    }
}
