package org.keepalivelab.ui.desktop;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;

/**
 * Loads a view's static layout: {@code <SimpleName>.fxml} beside the view's class, with the view as its
 * {@code fx:root} and its controller.
 */
public final class Fxml {
    private Fxml() {
    }

    /** Loads {@code view}'s FXML into it; call once, from its constructor. */
    public static void load(Object view) {
        String name = view.getClass().getSimpleName() + ".fxml";
        var loader = new FXMLLoader(view.getClass().getResource(name));
        loader.setRoot(view);
        loader.setController(view);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load " + name, e);
        }
    }
}
