package org.keepalivelab.ui.status;

import java.util.function.Supplier;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.keepalivelab.lab.ConnectionStatus;
import org.keepalivelab.lab.Lab;
import org.keepalivelab.ui.desktop.Fxml;
import org.keepalivelab.ui.settings.KernelDefaults;
import org.keepalivelab.ui.timeline.TimeAxis;
import org.keepalivelab.ui.timeline.TimelineModel;

/**
 * The bottom line: elapsed time, capture state (with the reason when capture is unavailable), segment
 * count, and what the kernel will do next on the selected connection. Its layout is StatusLine.fxml.
 */
public final class StatusLine extends HBox {
    private static final String CAPTURE_PROBLEM = "capture-problem";

    private final Lab lab;
    private final Supplier<KernelDefaults> defaults;
    private final TimelineModel model;
    @FXML
    private Label elapsed;
    @FXML
    private Label capture;
    @FXML
    private Label segments;
    @FXML
    private Label mode;
    @FXML
    private Label next;
    @FXML
    private Tooltip nextTip;
    /** The capture problem the capture item shows, "" while capturing, null before the first update. */
    private String shownProblem;

    /** @param defaults the kernel's defaults as the lab last published them: the next step's words name them */
    public StatusLine(Lab lab, Supplier<KernelDefaults> defaults, TimelineModel model) {
        this.lab = lab;
        this.defaults = defaults;
        this.model = model;
        Fxml.load(this);
    }

    @FXML
    private void initialize() {
        var labMode = lab.mode();
        mode.setText(labMode.privateNamespace() ? "private network namespace" : "");
        mode.setTooltip(new Tooltip(labMode.banner()));
        nextTip.textProperty().bind(next.textProperty());
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
            next.setText("#" + selected.conn() + "  " + NextKernelStep.describe(selected, now, defaults.get())
                    + (selected.severed().isEmpty() ? "" : "  ·  severed " + severedWords(selected)));
        }
    }

    /**
     * Sets the capture item for {@code problem}, "" while capturing: once per change, so its tooltip can stay
     * open. A problem's sentence is long: it elides, whole in its tooltip.
     */
    private void showCapture(String problem) {
        if (problem.isEmpty()) {
            capture.setText("● capturing on loopback");
            capture.setTooltip(null);
            capture.getStyleClass().setAll("label", "status-item", "capture-ok");
        } else {
            capture.setText("capture off: " + problem);
            var tip = new Tooltip(problem);
            tip.setWrapText(true);
            tip.setMaxWidth(520);
            capture.setTooltip(tip);
            capture.getStyleClass().setAll("label", "status-problem", CAPTURE_PROBLEM);
        }
    }

    private static String severedWords(ConnectionStatus status) {
        return status.severed().size() == 2 ? "both ways" : status.severed().iterator().next().label();
    }
}
