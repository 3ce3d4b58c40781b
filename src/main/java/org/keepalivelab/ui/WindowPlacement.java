package org.keepalivelab.ui;

import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javafx.geometry.Rectangle2D;

/**
 * Where the window was, how large, and whether it was maximized: what the next run opens it with. The
 * bounds are the window's last ones while it was neither maximized nor iconified, so a maximized window
 * returns to them when the user restores it.
 */
record WindowPlacement(double x, double y, double width, double height, boolean maximized) {
    /** How much of the window's top edge, where it is grabbed to be moved, must lie on a screen. */
    private static final double GRIP_WIDTH = 120;
    private static final double GRIP_HEIGHT = 24;

    /** The placement {@code properties} hold, or empty if they hold none, or nonsense. */
    static Optional<WindowPlacement> of(Properties properties) {
        try {
            var placement = new WindowPlacement(number(properties, "x"), number(properties, "y"),
                    number(properties, "width"), number(properties, "height"),
                    Boolean.parseBoolean(properties.getProperty("maximized")));
            return placement.width() > 0 && placement.height() > 0 ? Optional.of(placement) : Optional.empty();
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static double number(Properties properties, String key) {
        double value = Double.parseDouble(properties.getProperty(key));
        if (!Double.isFinite(value)) {
            throw new NumberFormatException(key + " = " + value);
        }
        return value;
    }

    Properties properties() {
        var properties = new Properties();
        properties.setProperty("x", String.valueOf(x));
        properties.setProperty("y", String.valueOf(y));
        properties.setProperty("width", String.valueOf(width));
        properties.setProperty("height", String.valueOf(height));
        properties.setProperty("maximized", String.valueOf(maximized));
        return properties;
    }

    /**
     * True if the window would open where the user can grab it: enough of its top edge lies on one of
     * {@code screens} (their visual bounds). A screen unplugged since, or a resolution lowered, leaves it
     * off every screen; it then opens where a new window does.
     */
    boolean onAnyOf(List<Rectangle2D> screens) {
        double gripWidth = Math.min(GRIP_WIDTH, width);
        double gripHeight = Math.min(GRIP_HEIGHT, height);
        return screens.stream().anyMatch(screen -> overlap(x, width, screen.getMinX(), screen.getMaxX()) >= gripWidth
                && overlap(y, gripHeight, screen.getMinY(), screen.getMaxY()) >= gripHeight);
    }

    private static double overlap(double start, double length, double min, double max) {
        return Math.min(start + length, max) - Math.max(start, min);
    }
}
