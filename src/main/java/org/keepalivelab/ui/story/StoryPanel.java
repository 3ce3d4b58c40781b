package org.keepalivelab.ui.story;

import java.util.List;
import java.util.function.LongConsumer;
import javafx.beans.value.ObservableIntegerValue;
import javafx.beans.value.ObservableObjectValue;
import javafx.fxml.FXML;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.keepalivelab.explain.Basis;
import org.keepalivelab.explain.Explanation;
import org.keepalivelab.explain.Sentence;
import org.keepalivelab.ui.desktop.Fxml;
import org.keepalivelab.ui.timeline.DetectionWords;

/**
 * The selected connection's story (StoryPanel.fxml), sentence by sentence, each with the moment it is
 * about: a sentence with a moment is a link that brings the moment into view on the timeline (a click,
 * or Enter where it has the focus). A predicted sentence, what the kernel will do next, says so in
 * words and in its look. A screen reader reads each sentence whole, "predicted" and its moment with it.
 * FX thread.
 */
public final class StoryPanel extends VBox {
    static final String PREDICTED = "predicted";

    private final ObservableObjectValue<Explanation> explanation;
    private final ObservableIntegerValue selectedConn;
    private final LongConsumer reveal;
    @FXML
    private Label title;
    @FXML
    private ScrollPane scroll;
    @FXML
    private VBox sentences;
    /** What the panel shows: a story's sentences, or null for a note. */
    private List<Sentence> shown;

    /**
     * @param explanation  the selected connection's explanation, null until it has one
     * @param selectedConn the selected connection, 0 for none
     * @param reveal       brings a moment (lab time, ns) into view on the timeline
     */
    public StoryPanel(ObservableObjectValue<Explanation> explanation, ObservableIntegerValue selectedConn,
                      LongConsumer reveal) {
        this.explanation = explanation;
        this.selectedConn = selectedConn;
        this.reveal = reveal;
        Fxml.load(this);
    }

    @FXML
    private void initialize() {
        explanation.addListener((obs, was, is) -> show());
        selectedConn.addListener((obs, was, is) -> show());
        show();
    }

    /**
     * Shows the selected connection's story, or a note while it has none. The same story again changes
     * nothing; a new one keeps the keyboard's focus on the sentence at the same place, so a screen
     * reader's user is not thrown back as the run goes on.
     */
    private void show() {
        int conn = selectedConn.get();
        var made = explanation.get();
        title.setText(conn == 0 ? "Story" : "Story of connection " + conn);
        setAccessibleText(title.getText());
        boolean told = conn != 0 && made != null && made.story().conn() == conn && !made.story().sentences().isEmpty();
        var next = told ? made.story().sentences() : null;
        if (next != null && next.equals(shown)) {
            return;
        }
        int focused = sentences.getChildren().indexOf(getScene() == null ? null : getScene().getFocusOwner());
        boolean sameConnection = told && shown != null;
        sentences.getChildren().clear();
        shown = next;
        if (conn == 0) {
            sentences.getChildren().add(note("Connect a client: its story is told here as its run goes on."));
        } else if (made == null || made.story().conn() != conn) {
            sentences.getChildren().add(note("Reading connection " + conn + "'s events…"));
        } else if (!told) {
            sentences.getChildren().add(note("Nothing to tell about connection " + conn + " yet."));
        } else {
            next.forEach(s -> sentences.getChildren().add(sentence(s)));
        }
        if (!sameConnection) {
            scroll.setVvalue(0);
        } else if (focused >= 0) {
            sentences.getChildren().get(Math.min(focused, sentences.getChildren().size() - 1)).requestFocus();
        }
    }

    private static Label note(String text) {
        var label = new Label(text);
        label.getStyleClass().addAll("story-note", "hint");
        label.setWrapText(true);
        return label;
    }

    /** A sentence's node: a link to its moment where it has one, else words. */
    private Labeled sentence(Sentence s) {
        boolean predicted = s.basis() == Basis.PREDICTED;
        Labeled node;
        if (s.t().isPresent()) {
            long t = s.t().getAsLong();
            var link = new Hyperlink(s.text());
            link.setOnAction(e -> reveal.accept(t));
            node = link;
        } else {
            node = new Label(s.text());
        }
        node.setWrapText(true);
        node.setMinWidth(0);
        node.setMaxWidth(Double.MAX_VALUE);
        node.getStyleClass().add("story-sentence");
        String when = s.t().isPresent() ? DetectionWords.seconds(s.t().getAsLong()) : null;
        if (predicted || when != null) {
            var badge = new Label(predicted ? PREDICTED + (when == null ? "" : " · " + when) : when);
            badge.getStyleClass().add(predicted ? "story-predicted-badge" : "story-time");
            badge.setMinWidth(Label.USE_PREF_SIZE);
            node.setGraphic(badge);
        }
        if (predicted) {
            node.getStyleClass().add("story-predicted");
        }
        node.setAccessibleRole(s.t().isPresent() ? AccessibleRole.HYPERLINK : AccessibleRole.TEXT);
        node.setAccessibleText((predicted ? "Predicted: " : "") + s.text()
                + (when == null ? "" : " At " + when + " into the lab; activate to show it on the timeline."));
        return node;
    }
}
