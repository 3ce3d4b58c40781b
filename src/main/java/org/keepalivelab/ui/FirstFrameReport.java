package org.keepalivelab.ui;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import javafx.animation.AnimationTimer;
import org.keepalivelab.model.Side;
import org.keepalivelab.ui.timeline.TimelineModel;

/**
 * How long the window took to start, as its user sees it, when asked with
 * {@code -Dkeepalivelab.reportFirstFrame=true} (e.g. through {@code JAVA_TOOL_OPTIONS}, so the command
 * line stays the user's): once a frame has drawn the seed connection, established (its client saw
 * "connected"), prints {@code first-frame <ns since the JVM started>} to stdout, once. {@code ./benchmark}'s
 * start figure reads it from the real {@code ./keepalive-lab}.
 *
 * <p>It is in the app, not on the test side, because nothing from outside can see that frame without
 * changing the start it times: a {@code -javaagent} adds {@code java.instrument} to the module graph, and
 * the JVM then refuses the launcher's AOT cache ("Mismatched values for property jdk.module.addmods"), the
 * very thing that makes the window start 0.3 s sooner; and the platform logger ({@link System.Logger})
 * would cost every start 15 to 20 ms on the FX thread to set itself up, 30 ms more for a first record.
 * Not asked, this costs one property read.
 */
final class FirstFrameReport extends AnimationTimer {
    static final String PROPERTY = "keepalivelab.reportFirstFrame";

    private final TimelineModel model;
    private final PrintStream out;

    FirstFrameReport(TimelineModel model, PrintStream out) {
        this.model = model;
        this.out = out;
    }

    /**
     * Watches {@code model}'s frames when {@link #PROPERTY} asks for it. Call it after the view has started
     * its own frames: a pulse runs animation timers in the order they started, so this one sees each frame
     * just drawn.
     */
    static void startIfAsked(TimelineModel model) {
        if (Boolean.getBoolean(PROPERTY)) {
            new FirstFrameReport(model, System.out).start();
        }
    }

    @Override
    public void handle(long fxNow) {
        var lanes = model.lanes();
        if (lanes.isEmpty() || lanes.getFirst().app(Side.CLIENT).size() == 0) {
            return;
        }
        stop();
        long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        out.println("first-frame " + millis * 1_000_000L);
    }
}
