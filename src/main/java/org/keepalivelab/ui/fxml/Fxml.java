package org.keepalivelab.ui.fxml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;

/**
 * Loads a view's static layout: {@code <SimpleName>.fxml} beside the view's class, whose
 * {@code <fx:root>} is the view itself and whose controller is the view too, so its {@code @FXML} fields
 * are set and its {@code @FXML initialize()} runs before {@link #load} returns. A package of its own, below
 * every view, so that no view package imports another for it.
 */
public final class Fxml {
    private Fxml() {
    }

    /**
     * Loads {@code view}'s layout into {@code view}. Call it from the view's constructor once the fields
     * that {@code initialize()} reads are set. A missing or broken file is a bug of the build, not a
     * condition to recover from: it fails the view's construction.
     */
    public static void load(Node view) {
        var type = view.getClass();
        var name = type.getSimpleName() + ".fxml";
        var loader = new FXMLLoader(Objects.requireNonNull(type.getResource(name), () -> "no " + name + " beside " + type));
        loader.setClassLoader(type.getClassLoader()); // the FXML's imports are the view's, whatever thread loads it
        loader.setRoot(view);
        loader.setController(view);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + name, e);
        }
    }
}
