package org.keepalivelab.ui;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.keepalivelab.lab.Scenario;

/**
 * Above the details and the story, while the lab runs a scenario of the gallery: its question in the
 * user's words, the one line of what it shows, and, where it needs sysctls, what became of them (set in
 * the lab's namespace, or the kernel's values instead, and why). Hidden until a scenario is shown, and while a capture is.
 */
final class ScenarioHeading extends VBox {
    private final Label question = line("scenario-question", "scenario-question");
    private final Label shows = line("scenario-shows", "hint");
    private final Label kernelNote = line("scenario-kernel-note", "scenario-kernel-note");

    /** True once a scenario is shown. */
    private final BooleanProperty scenarioShown = new SimpleBooleanProperty(this, "scenarioShown", false);

    /** @param captureShown true while the window shows a capture in place of the lab's run: the heading then hides */
    ScenarioHeading(ObservableBooleanValue captureShown) {
        setId("scenario-heading");
        getStyleClass().add("scenario-heading");
        getChildren().addAll(question, shows, kernelNote);
        visibleProperty().bind(scenarioShown.and(Bindings.not(captureShown)));
        managedProperty().bind(visibleProperty());
    }

    private static Label line(String id, String styleClass) {
        var label = new Label();
        label.setId(id);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    /** Shows {@code scenario}'s question and what it shows, and the note on its sysctls if it has one. */
    void show(Scenario scenario, Optional<String> note) {
        question.setText(scenario.name() + ": " + scenario.question());
        shows.setText(scenario.shows());
        kernelNote.setText(note.orElse(""));
        kernelNote.setVisible(note.isPresent());
        kernelNote.setManaged(note.isPresent());
        scenarioShown.set(true);
    }
}
