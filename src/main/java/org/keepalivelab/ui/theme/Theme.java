package org.keepalivelab.ui.theme;

import java.util.List;
import java.util.Objects;

/** The app's two looks. Each is the shared stylesheet plus a sheet of colours. */
public enum Theme {
    LIGHT("Light", "light.css"),
    DARK("Dark", "dark.css");

    private static final String BASE = "app.css";

    private final String label;
    private final String colours;

    Theme(String label, String colours) {
        this.label = label;
        this.colours = colours;
    }

    public String label() {
        return label;
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    /** Stylesheet URLs for a scene in this theme: colours first, then the shared rules that use them. */
    public List<String> stylesheets() {
        return List.of(url(colours), url(BASE));
    }

    /** The sheet of colours alone: the timeline's palette reads its {@code .tl-*} rules from it. */
    public String colourSheet() {
        return url(colours);
    }

    private static String url(String name) {
        return Objects.requireNonNull(Theme.class.getResource(name), name).toExternalForm();
    }

    @Override
    public String toString() {
        return label;
    }
}
