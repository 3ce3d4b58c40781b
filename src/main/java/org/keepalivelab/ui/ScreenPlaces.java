package org.keepalivelab.ui;

import javafx.beans.binding.Bindings;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import org.keepalivelab.ui.timeline.TimelineView;

/**
 * The places in the window (MainView.fxml) that a run's {@link ScreenParts} take: the timeline in the
 * middle with the Compact lanes toggle bound to it, the details and the story in the row below it, the
 * status line at the bottom. The story's size follows the window's: it scrolls rather than take the
 * timeline's room. FX thread.
 */
final class ScreenPlaces {
    /** The story's share of the window's height, and its bounds. */
    private static final double STORY_SHARE = 0.16;
    private static final double STORY_MIN = 72;
    private static final double STORY_MAX = 168;
    /** The story's share of the row it shares with the details, and its least and most width. */
    private static final double STORY_WIDTH_SHARE = 0.42;
    private static final double STORY_MIN_WIDTH = 240;
    private static final double STORY_MAX_WIDTH = 620;

    private final BorderPane window;
    private final BorderPane timelineArea;
    private final ToggleButton compactLanes;
    private final HBox detailsRow;
    private final StackPane storySlot;

    /**
     * @param window       the window's content, whose bottom takes the status line and whose height the story's follows
     * @param timelineArea its middle, whose centre takes the timeline
     * @param detailsRow   the row below the timeline: the details first, then {@code storySlot}
     */
    ScreenPlaces(BorderPane window, BorderPane timelineArea, ToggleButton compactLanes, HBox detailsRow,
                 StackPane storySlot) {
        this.window = window;
        this.timelineArea = timelineArea;
        this.compactLanes = compactLanes;
        this.detailsRow = detailsRow;
        this.storySlot = storySlot;
        storySlot.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.clamp(
                detailsRow.getWidth() * STORY_WIDTH_SHARE, STORY_MIN_WIDTH, STORY_MAX_WIDTH), detailsRow.widthProperty()));
    }

    /** Puts {@code shown}'s timeline and its details, story and status line in their places. */
    void show(ScreenParts shown) {
        if (timelineArea.getCenter() instanceof TimelineView old) {
            compactLanes.selectedProperty().unbindBidirectional(old.compactLanesProperty());
        }
        timelineArea.setCenter(shown.timeline());
        compactLanes.selectedProperty().bindBidirectional(shown.timeline().compactLanesProperty());
        var details = shown.details();
        HBox.setHgrow(details, Priority.ALWAYS);
        details.setPrefWidth(0); // the details take what the story leaves
        if (detailsRow.getChildren().getFirst() == storySlot) { // the first shown: the row holds the story's slot alone
            detailsRow.getChildren().addFirst(details);
        } else {
            detailsRow.getChildren().set(0, details);
        }
        var story = shown.story();
        story.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> Math.clamp(window.getHeight() * STORY_SHARE, STORY_MIN, STORY_MAX), window.heightProperty()));
        story.setMaxHeight(STORY_MAX);
        storySlot.getChildren().setAll(story);
        window.setBottom(shown.status());
    }
}
