package org.keepalivelab.ui.status;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.keepalivelab.lab.ConnectionStatus;
import org.keepalivelab.lab.Lab;
import org.keepalivelab.ui.settings.KernelDefaults;
import org.keepalivelab.ui.timeline.TimeAxis;
import org.keepalivelab.ui.timeline.TimelineModel;

/**
 * The bottom line: elapsed time, capture state (with the reason when capture is unavailable), segment
 * count, and what the kernel will do next on the selected connection.
 */
public final class StatusLine extends HBox {
    private final Lab lab;
    private final KernelDefaults defaults;
    private final TimelineModel model;
    private final Label elapsed = item("elapsed");
    private final Label capture = item("capture");
    private final Label segments = item("segments");
    private final Label next = item("next-step");
    private final Label mode = item("mode");
    /** The capture problem the capture item shows, "" while capturing, null before the first update. */
    private String shownProblem;

    /** @param defaults the kernel's defaults, already loaded: the next step's words name them */
    public StatusLine(Lab lab, KernelDefaults defaults, TimelineModel model) {
        this.lab = lab;
        this.defaults = defaults;
        this.model = model;
        getStyleClass().add("status-line");
        setAlignment(Pos.CENTER_LEFT);
        next.getStyleClass().add("status-next");
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(next, Priority.SOMETIMES);
        capture.setMaxWidth(520);
        var labMode = lab.mode();
        mode.setText(labMode.privateNamespace() ? "private network namespace" : "");
        mode.setTooltip(new Tooltip(labMode.banner()));
        getChildren().addAll(elapsed, capture, segments, mode, spacer, next);
    }

    private static Label item(String id) {
        var label = new Label();
        label.setId("status-" + id);
        label.getStyleClass().add("status-item");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /** Refreshes every item for the {@code selected} connection (or none: null); {@code now} is lab time in ns. */
    public void update(long now, ConnectionStatus selected) {
        elapsed.setText("elapsed " + TimeAxis.duration(now));
        var problem = lab.captureProblem().orElse("");
        if (!problem.equals(shownProblem)) {
            showCapture(problem);
            shownProblem = problem;
        }
        segments.setText(model.segmentCount() + " segments");
        if (selected == null) {
            next.setText("");
        } else if (!lab.mode().kernelState()) {
            next.setText("#" + selected.conn() + "  the kernel's state and timers are not visible on this system");
        } else {
            next.setText("#" + selected.conn() + "  " + NextKernelStep.describe(selected, now, defaults)
                    + (selected.severed().isEmpty() ? "" : "  ·  severed " + severedWords(selected)));
        }
    }

    /** Sets the capture item for {@code problem}, "" while capturing: once per change, so its tooltip can stay open. */
    private void showCapture(String problem) {
        if (problem.isEmpty()) {
            capture.setText("● capturing on loopback");
            capture.getStyleClass().setAll("label", "status-item", "capture-ok");
        } else {
            capture.setText("capture off: " + problem);
            capture.setMinWidth(Region.USE_COMPUTED_SIZE);
            capture.setTooltip(new Tooltip(problem));
            capture.getStyleClass().setAll("label", "status-problem");
        }
    }

    private static String severedWords(ConnectionStatus status) {
        return status.severed().size() == 2 ? "both ways" : status.severed().iterator().next().label();
    }
}
