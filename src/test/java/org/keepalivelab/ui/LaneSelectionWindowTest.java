package org.keepalivelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keepalivelab.ui.Fx.onFx;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.ScrollEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.keepalivelab.ui.timeline.Hit;
import org.keepalivelab.ui.timeline.LaneGeometry;
import org.keepalivelab.ui.timeline.TimelineView;
import org.testfx.api.FxRobot;

/**
 * With many connections, selecting one from anywhere (the session's selected connection, as the combo
 * box and the connection list set it; the keyboard) brings its lane on screen, in full lanes or compact.
 */
// The JavaFX toolkit is one per JVM: window tests take turns, lab tests run beside them.
@ResourceLock("javafx-toolkit")
class LaneSelectionWindowTest {
    private static final int CLIENTS = 30;

    private final FxRobot robot = new FxRobot();
    @RegisterExtension
    final LabWindow window = LabWindow.killScenario();
    private TimelineView view;

    @BeforeEach
    void thirtyMoreClients() throws Exception {
        var lab = window.app().session().lab();
        for (int i = 0; i < CLIENTS; i++) {
            lab.connect().get(10, TimeUnit.SECONDS);
        }
        view = window.app().view().timeline();
        KillScenario.await(Duration.ofSeconds(10), (CLIENTS + 1) + " lanes",
                () -> onFx(() -> view.model().lanes().size() == CLIENTS + 1));
    }

    @Test
    void selectingConnection23BringsItsWholeLaneOnScreen() throws Exception {
        select(23);
        assertWholeLaneOnScreen(23);

        select(2); // back up: the least scroll shows it
        assertWholeLaneOnScreen(2);
        robot.interact(() -> view.press(KeyCode.CLOSE_BRACKET));
        assertEquals(3, onFx(() -> window.app().session().selectedConnProperty().get()), "] selects the next connection");
        robot.clickOn("#timeline").press(KeyCode.CONTROL).type(KeyCode.DOWN).release(KeyCode.CONTROL);
        assertEquals(4, onFx(() -> window.app().session().selectedConnProperty().get()), "so does Ctrl+↓");
        robot.interact(() -> view.press(KeyCode.END));
        for (int i = 0; i < 40; i++) {
            robot.interact(() -> view.press(KeyCode.CLOSE_BRACKET));
        }
        assertEquals(CLIENTS + 1, onFx(() -> window.app().session().selectedConnProperty().get()), "up to the last");
        assertWholeLaneOnScreen(CLIENTS + 1);
    }

    @Test
    void compactLanesShowTwentyConnectionsAndTheSelectedOneStaysOnScreen() throws Exception {
        robot.interact(() -> view.press(KeyCode.C));
        assertTrue(onFx(() -> view.compactLanesProperty().get()), "C makes the lanes compact");
        select(23);
        assertTrue(onFx(() -> onScreen(23)), "lane 23 on screen");
        assertTrue(onFx(() -> lanesOnScreen() >= 20), onFx(this::lanesOnScreen) + " lanes on screen");
        select(1);
        assertTrue(onFx(() -> onScreen(1)), "lane 1 again");
    }

    @Test
    void theWheelOverTheLaneNamesScrollsTheLanesAndOverTheTimeAreaZooms() throws Exception {
        var canvas = onFx(() -> view.getChildrenUnmodifiable().stream().filter(Canvas.class::isInstance)
                .map(Canvas.class::cast).findFirst().orElseThrow());
        var lanes = robot.lookup("#timeline .scroll-bar").queryAs(ScrollBar.class);
        select(1);
        long span = onFx(() -> view.viewport().span());
        double scroll = onFx(lanes::getValue);

        wheel(canvas, LaneGeometry.GUTTER / 2, false, -40);
        assertEquals(scroll + 40, onFx(lanes::getValue), 1e-9, "over the lane names: the lanes scroll");
        assertEquals(span, onFx(() -> view.viewport().span()), "and nothing zooms");
        wheel(canvas, LaneGeometry.GUTTER / 2, true, 40);
        assertTrue(onFx(() -> view.viewport().span()) < span, "Ctrl+wheel zooms over the names too");
        long zoomed = onFx(() -> view.viewport().span());
        wheel(canvas, 400, false, 40);
        assertTrue(onFx(() -> view.viewport().span()) < zoomed, "over the time area the wheel zooms");

        double before = onFx(lanes::getValue);
        robot.interact(() -> view.press(KeyCode.PAGE_DOWN));
        double page = onFx(lanes::getValue) - before;
        assertTrue(page > LaneGeometry.LANE_HEIGHT, "PgDn scrolls a page: " + page + " px");
    }

    private void select(int conn) {
        robot.interact(() -> window.app().session().selectedConnProperty().set(conn));
    }

    private void assertWholeLaneOnScreen(int conn) {
        double[] rows = onFx(() -> laneRows(conn));
        double height = onFx(view::getHeight);
        assertTrue(rows[0] >= LaneGeometry.AXIS_HEIGHT && rows[1] <= height,
                "lane " + conn + " from " + rows[0] + " to " + rows[1] + " of " + height + " px");
        assertTrue(rows[1] - rows[0] >= LaneGeometry.LANE_HEIGHT - 2, "the whole lane: " + (rows[1] - rows[0]) + " px");
        assertEquals(new Hit.Lane(conn), onFx(() -> view.hitAt(LaneGeometry.GUTTER + 2, rows[0] + 2)), "its title");
    }

    /** The first and last row of the view where the hit test finds lane {@code conn}'s title column; NaN where none. */
    private double[] laneRows(int conn) {
        double first = Double.NaN;
        double last = Double.NaN;
        for (double y = 0; y < view.getHeight(); y++) {
            if (view.hitAt(LaneGeometry.GUTTER + 2, y) instanceof Hit hit && hit.conn() == conn) {
                first = Double.isNaN(first) ? y : first;
                last = y;
            }
        }
        return new double[] {first, last};
    }

    private boolean onScreen(int conn) {
        return !Double.isNaN(laneRows(conn)[0]);
    }

    private int lanesOnScreen() {
        int count = 0;
        for (int conn = 1; conn <= CLIENTS + 1; conn++) {
            count += onScreen(conn) ? 1 : 0;
        }
        return count;
    }

    /** A wheel notch (40 px) at {@code x} of the canvas, at its middle height (the event takes scene coordinates). */
    private void wheel(Canvas canvas, double x, boolean control, double deltaY) {
        robot.interact(() -> {
            var at = canvas.localToScene(x, canvas.getHeight() / 2);
            Event.fireEvent(canvas, new ScrollEvent(ScrollEvent.SCROLL, at.getX(), at.getY(), 0, 0, false, control,
                    false, false, false, false, 0, deltaY, 0, deltaY, 40, 40, ScrollEvent.HorizontalTextScrollUnits.NONE,
                    0, ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
        });
    }
}
