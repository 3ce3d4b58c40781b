package org.keepalivelab.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.keepalivelab.model.AppEvent;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.Timeline;

/** A hovered application error reads as the timeline writes it, with or without Java's message. */
class MarkDetailsTest {
    @Test
    void anErrorWithoutAMessageReadsAsTheTimelineWritesIt() {
        var timeline = new Timeline();
        var model = new TimelineModel(timeline);
        timeline.append(new AppEvent(1_000, 1, Side.SERVER, AppEventType.ERROR, 0, null));
        timeline.append(new AppEvent(2_000, 1, Side.SERVER, AppEventType.ERROR, 0, "Connection timed out"));
        model.pull();

        assertEquals("Error: error.", what(model, 0));
        assertEquals("Error: Connection timed out (the kernel gave up: ETIMEDOUT).", what(model, 1));
    }

    /** The details' last line, which says what the server's application event {@code index} was. */
    private static String what(TimelineModel model, int index) {
        return MarkDetails.describe(new Hit.App(1, Side.SERVER, index), model).lines().toList().getLast();
    }
}
