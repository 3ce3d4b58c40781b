package org.keepalivelab.ui;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.control.Label;
import org.keepalivelab.explain.ConnectionFacts;
import org.keepalivelab.explain.Explanation;
import org.keepalivelab.lab.ConnectionStatus;
import org.keepalivelab.ui.capture.CaptureDetections;
import org.keepalivelab.ui.capture.CaptureFacts;
import org.keepalivelab.ui.capture.CaptureList;
import org.keepalivelab.ui.capture.CaptureSummary;
import org.keepalivelab.ui.capture.OpenedCapture;
import org.keepalivelab.ui.export.ExportFlow;
import org.keepalivelab.ui.settings.KernelDefaults;
import org.keepalivelab.ui.story.Explainer;
import org.keepalivelab.ui.story.StoryPanel;
import org.keepalivelab.ui.timeline.LaneDetections;
import org.keepalivelab.ui.timeline.TimelineModel;
import org.keepalivelab.ui.timeline.TimelinePalette;
import org.keepalivelab.ui.timeline.TimelineView;

/**
 * An open capture as the window shows it, in the same parts as the lab's run: its connection list, the
 * timeline over the capture's own timeline (the same {@link TimelineModel} and {@link TimelineView}, given
 * the import's timeline in place of the lab's), the clicked mark's details, the selected connection's
 * story and brackets (explained on a thread of its own from the capture's events alone, or a saved
 * run's with its settings, {@link CaptureFacts}) and the PNG export. Every connection's Detection in the
 * list is filled meanwhile on another thread of its own ({@link CaptureDetections}), by the same rules,
 * from the moment the screen is made (as it is shown) until it is closed. FX thread.
 */
final class CaptureScreen implements AutoCloseable {
    private final OpenedCapture capture;
    private final TimelineModel model;
    private final TimelineView timeline;
    private final IntegerProperty selectedConn = new SimpleIntegerProperty(this, "selectedConn", 0);
    private final ReadOnlyObjectWrapper<Explanation> explanation = new ReadOnlyObjectWrapper<>(this, "explanation");
    private final CaptureList list;
    private final ScreenParts parts;
    private final Explainer<Integer> explainer;
    private final CaptureDetections detections;
    private boolean shownWhole;

    /**
     * @param rules     {@code Explanation::of}, or a test's own
     * @param io        the window's file writer
     * @param note      shows a word on the latest export
     * @param failed    shows why an export or a story failed
     */
    CaptureScreen(OpenedCapture capture, TimelinePalette palette, Function<ConnectionFacts, Explanation> rules,
                  Executor io, Consumer<String> note, Consumer<String> failed) {
        this.capture = capture;
        this.model = capture.model(); // pulled already, on ui-import: the first frame draws, it does not sort
        this.timeline = new TimelineView(model, palette);
        timeline.setId("capture-timeline");
        timeline.setLaneTitle(capture::laneTitle);
        timeline.selectedConnProperty().bindBidirectional(selectedConn);
        this.list = new CaptureList(capture, selectedConn);
        var status = new Label(capture.summaryText() + capture.truncation().map(t -> " " + t).orElse(""));
        status.setId("capture-status");
        status.getStyleClass().add("capture-status");
        status.setMaxWidth(Double.MAX_VALUE);
        status.setMinWidth(0);
        this.parts = new ScreenParts(timeline,
                new DetailsPane(timeline.pinnedDetailsProperty(), explanation.getReadOnlyProperty()),
                new StoryPanel(explanation.getReadOnlyProperty(), selectedConn, timeline::reveal), status,
                new ExportFlow(timeline, source(), this::explained, io, note,
                        failure -> failed.accept("PNG export failed: " + LabSession.words(failure))));
        this.explainer = new Explainer<>(capture::facts, rules, Platform::runLater,
                this::explained, e -> failed.accept("The story could not be told: " + LabSession.words(e)));
        selectedConn.addListener((obs, was, is) -> {
            explanation.set(null); // not another connection's story meanwhile
            if (is.intValue() > 0) {
                explainer.request(is.intValue());
            }
        });
        explanation.addListener((obs, was, is) -> timeline.setDetections(
                is == null ? LaneDetections.NONE : LaneDetections.of(List.of(is))));
        if (!capture.summaries().isEmpty()) {
            selectedConn.set(capture.summaries().getFirst().conn());
        }
        this.detections = CaptureDetections.start(capture.summaries().stream().map(CaptureSummary::conn).toList(),
                capture::facts, rules, Platform::runLater, list::showDetections);
    }

    private ExportFlow.Source source() {
        return new ExportFlow.Source() {
            @Override
            public long now() {
                return model.lastT();
            }

            @Override
            public List<ConnectionStatus> connections() {
                return List.of();
            }

            @Override
            public String modeNote() {
                return capture.sourceNote();
            }

            @Override
            public KernelDefaults defaults() {
                return KernelDefaults.NONE; // no lab connection's settings to word
            }
        };
    }

    private void explained(Explanation made) {
        int conn = made.story().conn();
        list.showDetection(conn, CaptureDetections.words(made));
        if (conn == selectedConn.get()) {
            explanation.set(made);
        }
    }

    private List<Explanation> explained() {
        var shown = explanation.get();
        return shown == null ? List.of() : List.of(shown);
    }

    /** Draws a frame; the first shows the whole capture, which does not grow. */
    void frame() {
        timeline.frame(model.lastT());
        if (!shownWhole && !model.isEmpty()) {
            shownWhole = true;
            timeline.showAll();
        }
    }

    OpenedCapture capture() {
        return capture;
    }

    TimelineView timeline() {
        return timeline;
    }

    TimelineModel model() {
        return model;
    }

    CaptureList list() {
        return list;
    }

    /** Its timeline, details, story, status line and export, for the window's places. */
    ScreenParts parts() {
        return parts;
    }

    IntegerProperty selectedConnProperty() {
        return selectedConn;
    }

    ReadOnlyObjectProperty<Explanation> explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /** The background's filling of the list's Detection column. */
    CaptureDetections detections() {
        return detections;
    }

    /** Stops explaining, the story and the list's detections; the capture's timeline goes with the last reference to it. */
    @Override
    public void close() {
        explainer.close();
        detections.close();
    }
}
