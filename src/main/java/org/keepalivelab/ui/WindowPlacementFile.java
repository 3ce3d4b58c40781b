package org.keepalivelab.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.keepalivelab.export.AtomicFiles;
import org.keepalivelab.ui.desktop.ConfigDirectory;

/**
 * The file that remembers the window's placement across runs: {@code window.properties} in the user's
 * configuration directory for Keepalive Lab, {@code $XDG_CONFIG_HOME/keepalive-lab/} ({@code
 * ~/.config/keepalive-lab/} by default). Reading it never fails the app: a file that is missing,
 * unreadable or garbled gives no placement. Both calls do I/O: never on the FX thread.
 */
final class WindowPlacementFile {
    static final String NAME = "window.properties";

    /** The file, or null for a window that remembers nothing. */
    private final Path file;

    private WindowPlacementFile(Path file) {
        this.file = file;
    }

    /** The file in {@code configDirectory}, Keepalive Lab's own directory. */
    static WindowPlacementFile in(Path configDirectory) {
        return new WindowPlacementFile(configDirectory.resolve(NAME));
    }

    /** The user's: in {@code $XDG_CONFIG_HOME/keepalive-lab/}, or {@code ~/.config/keepalive-lab/}. */
    static WindowPlacementFile ofUser() {
        return in(ConfigDirectory.ofUser());
    }

    /** For a window that neither restores nor saves a placement (the tests' and the screenshots'). */
    static WindowPlacementFile none() {
        return new WindowPlacementFile(null);
    }

    Optional<WindowPlacement> read() {
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        var properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable or not a properties file: the window opens as a new one
        }
        return WindowPlacement.of(properties);
    }

    /**
     * Writes {@code placement}, whole or not at all. A failure is told on stderr and otherwise ignored: the
     * next run opens the window as a new one.
     */
    void write(WindowPlacement placement) {
        if (file == null) {
            return;
        }
        try {
            AtomicFiles.write(file, out -> placement.properties().store(out, "Keepalive Lab's window, as it was last closed"));
        } catch (IOException | RuntimeException e) {
            System.err.println("Keepalive Lab could not remember the window's placement in " + file + ": " + e);
        }
    }
}
