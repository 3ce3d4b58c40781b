package org.keepalivelab.ui;

import javafx.scene.Node;
import org.keepalivelab.ui.export.ExportFlow;
import org.keepalivelab.ui.story.StoryPanel;
import org.keepalivelab.ui.timeline.TimelineView;

/**
 * What one run shows in the window's places ({@link ScreenPlaces}): its timeline, the clicked mark's
 * details, the selected connection's story, its status line, and the PNG export of that timeline. The
 * lab's live run has one, and so has each capture or saved run opened ({@link CaptureScreen}).
 */
record ScreenParts(TimelineView timeline, DetailsPane details, StoryPanel story, Node status, ExportFlow exports) {
}
