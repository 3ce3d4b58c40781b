package org.keepalivelab.ui.capture;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import org.keepalivelab.ui.desktop.Fxml;

/**
 * The strip that shows a capture being read (ImportProgress.fxml): how far, as a bar of the file's
 * bytes (indeterminate while the size is unknown), and Cancel. The window polls it with each status
 * refresh ({@link #update}): the import's thread never posts to the FX thread per packet. FX thread.
 */
public final class ImportProgress extends HBox {
    private CaptureLoad load;
    @FXML
    private Label text;
    @FXML
    private ProgressBar bar;
    @FXML
    private Button cancel;

    public ImportProgress() {
        Fxml.load(this);
    }

    /** Shows {@code reading}'s progress until {@link #hide}. */
    public void show(CaptureLoad reading) {
        load = reading;
        setVisible(true);
        setManaged(true);
        update();
    }

    /** Shows how far the read has come. */
    public void update() {
        if (load != null) {
            text.setText(load.progressText());
            bar.setProgress(load.fraction() < 0 ? ProgressBar.INDETERMINATE_PROGRESS : load.fraction());
        }
    }

    public void hide() {
        load = null;
        setVisible(false);
        setManaged(false);
    }

    @FXML
    private void cancel() {
        if (load != null) {
            load.cancel();
            text.setText("Cancelling…");
        }
    }
}
