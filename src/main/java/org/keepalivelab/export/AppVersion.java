package org.keepalivelab.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The app's name and version, from the pom (Maven filters {@code version.properties}), for
 * {@code --version}, the window's title and every export that has a place for it.
 */
public final class AppVersion {
    public static final String NAME = "Keepalive Lab";
    private static final String VERSION = load();

    private AppVersion() {
    }

    /** The pom's version: {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return VERSION;
    }

    /** {@code Keepalive Lab 0.1.0-SNAPSHOT}. */
    public static String nameAndVersion() {
        return NAME + " " + VERSION;
    }

    private static String load() {
        try (InputStream in = AppVersion.class.getResourceAsStream("version.properties")) {
            var properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("the app's own version.properties cannot be read", e);
        }
    }
}
