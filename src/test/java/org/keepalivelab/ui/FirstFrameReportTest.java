package org.keepalivelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keepalivelab.ui.Fx.onFx;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.keepalivelab.model.AppEvent;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.Timeline;
import org.keepalivelab.ui.export.PngToolkit;
import org.keepalivelab.ui.timeline.TimelineModel;

/** The start-up report, on the toolkit's real pulses: one line, from the first frame that shows the seed connected. */
// The JavaFX toolkit is one per JVM: window tests take turns, lab tests run beside them.
@ResourceLock("javafx-toolkit")
class FirstFrameReportTest {
    private static final long MS = 1_000_000L;

    @BeforeAll
    static void toolkit() {
        PngToolkit.startHeadless();
    }

    @Test
    void printsOnceTheFirstFrameShowsTheSeedClientConnected() throws Exception {
        var timeline = new Timeline();
        var model = new TimelineModel(timeline);
        var printed = new ByteArrayOutputStream();
        var report = onFx(() -> {
            var timer = new FirstFrameReport(model, new PrintStream(printed, true, StandardCharsets.UTF_8));
            timer.start();
            return timer;
        });
        try {
            timeline.append(new AppEvent(1 * MS, 1, Side.SERVER, AppEventType.CONNECTED, 0, null));
            onFx(model::pull);
            Thread.sleep(200);
            assertEquals("", text(printed), "the server's side alone is not the seed connected");

            timeline.append(new AppEvent(2 * MS, 1, Side.CLIENT, AppEventType.CONNECTED, 0, null));
            onFx(model::pull);
            KillScenario.await(Duration.ofSeconds(5), "the report", () -> !text(printed).isEmpty());
            long uptimeNanos = ManagementFactory.getRuntimeMXBean().getUptime() * MS;
            timeline.append(new AppEvent(3 * MS, 2, Side.CLIENT, AppEventType.CONNECTED, 0, null));
            onFx(model::pull);
            Thread.sleep(200);

            var lines = text(printed).lines().toList();
            assertEquals(1, lines.size(), "once: " + lines);
            assertTrue(lines.getFirst().startsWith("first-frame "), lines.getFirst());
            long nanos = Long.parseLong(lines.getFirst().substring("first-frame ".length()));
            assertTrue(nanos > 0 && nanos <= uptimeNanos, "ns since the JVM started: " + nanos);
        } finally {
            onFx(() -> {
                report.stop();
                return null;
            });
        }
    }

    private static String text(ByteArrayOutputStream printed) {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
