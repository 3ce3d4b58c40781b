package org.keepalivelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.stream.IntStream;
import javafx.scene.Node;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.TcpState;
import org.keepalivelab.ui.timeline.ConnectionLane;

/** What the window tests ask of its timeline and controls; call on the FX thread ({@link Fx#onFx}). */
final class WindowQueries {
    private WindowQueries() {
    }

    static List<AppEventType> appTypes(ConnectionLane lane, Side side) {
        var row = lane.app(side);
        return IntStream.range(0, row.size()).mapToObj(i -> row.get(i).event()).toList();
    }

    static List<TcpState> states(ConnectionLane lane, Side side) {
        var row = lane.states(side);
        return IntStream.range(0, row.size()).mapToObj(row::state).toList();
    }

    /** The tooltip {@link Tooltip#install} put on {@code node}, which keeps it among the node's properties. */
    /** The item of {@code button}'s menu whose id is {@code id}. */
    static MenuItem menuItem(MenuButton button, String id) {
        return button.getItems().stream().filter(item -> id.equals(item.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("no menu item " + id + " in " + button.getId()));
    }

    static Tooltip installedTooltip(Node node) {
        var tips = node.getProperties().values().stream().filter(Tooltip.class::isInstance).toList();
        assertEquals(1, tips.size(), () -> "one tooltip installed on " + node + ": " + node.getProperties());
        return assertInstanceOf(Tooltip.class, tips.getFirst());
    }

    static boolean isAncestor(Node ancestor, Node node) {
        for (var n = node.getParent(); n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** True while any of these threads runs (other test classes run labs of their own meanwhile). */
    static boolean alive(List<String> names) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive() && names.contains(t.getName()));
    }
}
