package org.keepalivelab.ui.capture;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.keepalivelab.ui.desktop.Fxml;
import org.keepalivelab.ui.timeline.DetectionWords;

/**
 * The connections of an open capture (CaptureList.fxml): their ends, duration, segments, keep-alive
 * probes, how they ended and their detection, which fills in as the connections are explained in the
 * background ({@link CaptureDetections}; a row not yet explained says so, "…", and the column's header
 * counts them); sortable by every column (rows not yet explained after the rest), filtered by an
 * address or port and by what they hold. Selecting a row selects the connection, whose lane the timeline
 * brings into view and whose story the story panel tells; a connection selected on the timeline is
 * selected here too. The rows are one small record each over a {@link FilteredList} and a
 * {@link SortedList}: 10,000 connections sort and filter without a pause. FX thread.
 */
public final class CaptureList extends VBox {
    /** What a row not yet explained shows in its Detection. */
    public static final String PENDING = "…";

    private final ObservableList<CaptureSummary> rows;
    private final FilteredList<CaptureSummary> filtered;
    private final IntegerProperty selectedConn;
    private final String summaryText;
    private final Tooltip pendingTip = new Tooltip();
    private final Tooltip noneTip = new Tooltip("The story finds no fault for either side to learn of.");
    private int pending;
    /** True while a row is replaced: the selection the table moves meanwhile is not the user's. */
    private boolean replacing;
    @FXML
    private Label summary;
    @FXML
    private TextField filter;
    @FXML
    private ToggleButton withKeepalives;
    @FXML
    private ToggleButton withRst;
    @FXML
    private ToggleButton withRetransmissions;
    @FXML
    private TableView<CaptureSummary> table;
    @FXML
    private TableColumn<CaptureSummary, Integer> numberColumn;
    @FXML
    private TableColumn<CaptureSummary, String> endsColumn;
    @FXML
    private TableColumn<CaptureSummary, Long> durationColumn;
    @FXML
    private TableColumn<CaptureSummary, Integer> segmentsColumn;
    @FXML
    private TableColumn<CaptureSummary, Integer> probesColumn;
    @FXML
    private TableColumn<CaptureSummary, CaptureSummary.Outcome> outcomeColumn;
    @FXML
    private TableColumn<CaptureSummary, String> detectionColumn;

    /**
     * @param capture      the capture whose connections it lists
     * @param selectedConn the selected connection, 0 for none; the list and the timeline share it
     */
    public CaptureList(OpenedCapture capture, IntegerProperty selectedConn) {
        this.rows = FXCollections.observableArrayList(capture.summaries());
        this.pending = (int) rows.stream().filter(r -> r.detection() == null).count();
        this.filtered = new FilteredList<>(rows);
        this.selectedConn = selectedConn;
        this.summaryText = capture.summaryText() + capture.truncation().map(t -> " " + t).orElse("");
        Fxml.load(this);
    }

    @FXML
    private void initialize() {
        summary.setText(summaryText);
        var sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        column(numberColumn, CaptureSummary::conn, String::valueOf);
        column(endsColumn, s -> (s.label().isEmpty() ? "" : s.label() + ": ") + s.client() + " → " + s.server(),
                Function.identity());
        column(durationColumn, CaptureSummary::durationNanos, CaptureList::duration);
        column(segmentsColumn, CaptureSummary::segments, n -> String.format(Locale.ROOT, "%,d", n));
        column(probesColumn, CaptureSummary::keepalives, n -> String.format(Locale.ROOT, "%,d", n));
        column(outcomeColumn, CaptureSummary::outcome, CaptureSummary.Outcome::toString);
        detectionColumn();
        filtered.predicateProperty().bind(Bindings.createObjectBinding(() -> {
            String text = filter.getText();
            boolean keepalives = withKeepalives.isSelected();
            boolean rst = withRst.isSelected();
            boolean retransmissions = withRetransmissions.isSelected();
            return s -> s.matches(text) && (!keepalives || s.keepalives() > 0)
                    && (!rst || s.outcome() == CaptureSummary.Outcome.RST)
                    && (!retransmissions || s.retransmissions() > 0);
        }, filter.textProperty(), withKeepalives.selectedProperty(), withRst.selectedProperty(),
                withRetransmissions.selectedProperty()));
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> {
            if (is != null && !replacing) {
                selectedConn.set(is.conn());
            }
        });
        selectedConn.addListener((obs, was, is) -> selectRow(is.intValue(), true));
        selectRow(selectedConn.get(), true);
    }

    /** Shows the connection's detection, from its explanation ({@link CaptureDetections#words}), in its row. */
    public void showDetection(int conn, String words) {
        replace(conn, words);
        selectRow(selectedConn.get(), false);
        showPending();
    }

    /** Shows a batch of the background's detections, then how many rows wait for theirs. */
    public void showDetections(List<CaptureDetections.Filled> batch) {
        for (var filled : batch) {
            replace(filled.conn(), filled.words());
        }
        selectRow(selectedConn.get(), false);
        showPending();
    }

    /**
     * Puts {@code words} in connection {@code conn}'s row. The table drops or moves its selection when a
     * row is replaced (sorted by Detection, the row moves too), so the selected connection's row is
     * selected again after, where it went, the list's scroll left as the user has it.
     */
    private void replace(int conn, String words) {
        if (conn < 1 || conn > rows.size()) {
            return;
        }
        var row = rows.get(conn - 1); // rows are in connection order
        if (words.equals(row.detection())) {
            return;
        }
        if (row.detection() == null) {
            pending--;
        }
        replacing = true;
        try {
            rows.set(conn - 1, row.withDetection(words));
        } finally {
            replacing = false;
        }
    }

    /** How many rows are not explained yet. */
    public int pending() {
        return pending;
    }

    /**
     * The Detection column: the words, "none" where the story finds no fault, "…" while a row waits for
     * its explanation, the header counting those ("Detection (explaining 120 of 10,000)").
     */
    private void detectionColumn() {
        detectionColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().detection()));
        detectionColumn.setComparator(Comparator.nullsLast(Comparator.naturalOrder()));
        detectionColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("detection-pending", "detection-none");
                if (empty) {
                    setText(null);
                    setTooltip(null);
                } else if (item == null) {
                    setText(PENDING);
                    setTooltip(pendingTip);
                    getStyleClass().add("detection-pending");
                } else if (item.isEmpty()) {
                    setText("none");
                    setTooltip(noneTip);
                    getStyleClass().add("detection-none");
                } else {
                    setText(item);
                    setTooltip(new Tooltip(item));
                }
            }
        });
        showPending();
    }

    private void showPending() {
        detectionColumn.setText(pending == 0 ? "Detection"
                : String.format(Locale.ROOT, "Detection (explaining %,d of %,d)", rows.size() - pending, rows.size()));
        pendingTip.setText(String.format(Locale.ROOT, "Not explained yet: the connections are explained one after "
                + "another in the background, %,d of %,d so far. Select one to explain it now.", rows.size() - pending,
                rows.size()));
    }

    /** Selects connection {@code conn}'s row, if the filter shows it, and with {@code scroll} brings it into view. */
    private void selectRow(int conn, boolean scroll) {
        var current = table.getSelectionModel().getSelectedItem();
        if (current != null && current.conn() == conn) {
            return;
        }
        var items = table.getItems();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).conn() == conn) {
                table.getSelectionModel().clearAndSelect(i);
                if (scroll) {
                    table.scrollTo(i);
                }
                return;
            }
        }
        table.getSelectionModel().clearSelection();
    }

    /** A column of {@code value}, sorted by it, shown as {@code words} with the whole text in its tooltip. */
    private static <T> void column(TableColumn<CaptureSummary, T> column, Function<CaptureSummary, T> value,
                                   Function<T, String> words) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                String text = empty || item == null ? null : words.apply(item);
                setText(text);
                setTooltip(text == null || text.isEmpty() ? null : new Tooltip(text));
            }
        });
    }

    /** "850 ms", "4.12 s", "12 min 05 s", "3 h 02 min". */
    static String duration(long nanos) {
        long s = nanos / 1_000_000_000L;
        if (s < 60) {
            return DetectionWords.seconds(nanos);
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
    }
}
