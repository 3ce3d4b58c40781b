package org.keepalivelab.ui;

import java.util.Optional;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The window's placement while it lives: opened where it was last closed, if that is on a screen now,
 * otherwise as a new window (as large as {@link #NEW_WIDTH} × {@link #NEW_HEIGHT}, or the primary
 * screen, whichever is smaller); and its bounds followed while it is neither maximized nor iconified, for
 * the next run. FX thread.
 */
final class StagePlacement {
    static final double NEW_WIDTH = 1440;
    static final double NEW_HEIGHT = 900;

    private final Stage stage;
    private Rectangle2D normal;

    private StagePlacement(Stage stage, Rectangle2D normal) {
        this.stage = stage;
        this.normal = normal;
        InvalidationListener follow = obs -> {
            if (stage.isShowing() && !stage.isMaximized() && !stage.isIconified()) {
                this.normal = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            }
        };
        for (var property : new Observable[] {stage.xProperty(), stage.yProperty(), stage.widthProperty(),
                stage.heightProperty(), stage.maximizedProperty(), stage.iconifiedProperty(), stage.showingProperty()}) {
            property.addListener(follow);
        }
    }

    /** A new window's content size: {@link #NEW_WIDTH} × {@link #NEW_HEIGHT}, or less, to fit the primary screen. */
    static Rectangle2D newWindowSize() {
        var screen = Screen.getPrimary().getVisualBounds();
        return new Rectangle2D(screen.getMinX(), screen.getMinY(), Math.min(NEW_WIDTH, screen.getWidth()),
                Math.min(NEW_HEIGHT, screen.getHeight()));
    }

    /**
     * Places {@code stage}, before it shows, where {@code saved} says if that lies on a screen now; otherwise
     * a new window as large as its scene, at the primary screen's corner if it fills it (centred otherwise,
     * as JavaFX places one). Then follows it.
     */
    static StagePlacement open(Stage stage, Optional<WindowPlacement> saved) {
        var screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        var onScreen = saved.filter(placement -> placement.onAnyOf(screens));
        if (onScreen.isPresent()) {
            var placement = onScreen.get();
            stage.setX(placement.x());
            stage.setY(placement.y());
            stage.setWidth(placement.width());
            stage.setHeight(placement.height());
            stage.setMaximized(placement.maximized());
            return new StagePlacement(stage, new Rectangle2D(placement.x(), placement.y(), placement.width(),
                    placement.height()));
        }
        var size = newWindowSize();
        if (size.getWidth() < NEW_WIDTH || size.getHeight() < NEW_HEIGHT) {
            stage.setX(size.getMinX());
            stage.setY(size.getMinY());
        }
        return new StagePlacement(stage, null);
    }

    /** Where the window is now, for the next run; empty if it never showed. */
    Optional<WindowPlacement> current() {
        return Optional.ofNullable(normal).map(bounds -> new WindowPlacement(bounds.getMinX(), bounds.getMinY(),
                bounds.getWidth(), bounds.getHeight(), stage.isMaximized()));
    }
}
