package org.keepalivelab.ui.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.keepalivelab.export.AtomicFiles;
import org.keepalivelab.ui.desktop.ConfigDirectory;

/**
 * Where the export's save chooser starts: the folder the last export went to, this session or an
 * earlier one, else the user's pictures folder (XDG's {@code XDG_PICTURES_DIR}, else {@code ~/Pictures}),
 * else the home folder; never the process's working directory, which for a lab started from a source
 * checkout is the checkout. The last folder is kept in {@code export.properties} in the app's config
 * folder ({@code $XDG_CONFIG_HOME/keepalive-lab}, by default {@code ~/.config/keepalive-lab}), a file of
 * its own beside the window's settings.
 *
 * <p>{@link #load} and {@link #remember} do file I/O: call them off the FX thread. {@link #initial} reads
 * only memory, so the FX thread may ask it at any time; before {@link #load} has run it answers the home folder.
 */
final class ExportFolder {
    static final String FILE_NAME = "export.properties";
    private static final String LAST_FOLDER = "lastFolder";

    private final Path home;
    private final Path configHome;
    private volatile Path pictures;
    private volatile Path last;

    /**
     * @param home       the user's home folder
     * @param configHome the folder of users' config files ({@code $XDG_CONFIG_HOME}, {@code ~/.config})
     */
    ExportFolder(Path home, Path configHome) {
        this.home = home;
        this.configHome = configHome;
        this.pictures = home;
    }

    /** The current user's folders, as the XDG base directory rules find them. */
    static ExportFolder ofUser() {
        return of(Path.of(System.getProperty("user.home")), System.getenv());
    }

    /** The folders for {@code home} and the environment {@code env}. */
    static ExportFolder of(Path home, Map<String, String> env) {
        return new ExportFolder(home, ConfigDirectory.configHome(env.get("XDG_CONFIG_HOME"), home.toString()));
    }

    /** The file the last folder is kept in. */
    Path settingsFile() {
        return ConfigDirectory.of(configHome.toString(), home.toString()).resolve(FILE_NAME);
    }

    /** Reads the pictures folder and the last folder from disk. Does I/O: off the FX thread. */
    void load() {
        pictures = picturesFolder(home, configHome.resolve("user-dirs.dirs"));
        last = readLast().filter(Files::isDirectory).orElse(null);
    }

    /** Where the chooser starts now. Reads memory only. */
    Path initial() {
        var remembered = last;
        return remembered != null ? remembered : pictures;
    }

    /**
     * Remembers {@code folder} for the next export, in memory at once and on disk for the next run.
     * Does I/O: off the FX thread. A file that cannot be written costs only that: the next run's chooser
     * starts in the pictures folder; the export that used the folder succeeded, and is not told otherwise.
     */
    void remember(Path folder) {
        last = folder.toAbsolutePath();
        var properties = new Properties();
        properties.setProperty(LAST_FOLDER, last.toString());
        try {
            AtomicFiles.write(settingsFile(), out -> properties.store(out, "Keepalive Lab: the PNG export's last folder"));
        } catch (IOException notWritten) {
            // remembered for this session all the same
        }
    }

    private Optional<Path> readLast() {
        var file = settingsFile();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        var properties = new Properties();
        try (var in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException unreadable) {
            return Optional.empty(); // a file that is not ours to read: start as if there were none
        }
        return Optional.ofNullable(properties.getProperty(LAST_FOLDER)).map(Path::of).filter(Path::isAbsolute);
    }

    /**
     * The user's pictures folder: {@code XDG_PICTURES_DIR} from {@code userDirs} (xdg-user-dirs' file:
     * {@code XDG_PICTURES_DIR="$HOME/Pictures"}, a path relative to $HOME or absolute) if it names a folder
     * that exists, else {@code ~/Pictures} if it exists, else {@code home}.
     */
    static Path picturesFolder(Path home, Path userDirs) {
        return xdgPictures(home, userDirs).filter(Files::isDirectory)
                .or(() -> Optional.of(home.resolve("Pictures")).filter(Files::isDirectory))
                .orElse(home);
    }

    private static Optional<Path> xdgPictures(Path home, Path userDirs) {
        if (!Files.isRegularFile(userDirs)) {
            return Optional.empty();
        }
        try (var lines = Files.lines(userDirs)) {
            return lines.map(String::strip).filter(line -> line.startsWith("XDG_PICTURES_DIR="))
                    .reduce((first, later) -> later) // as the shell sourcing the file would: the last one wins
                    .map(line -> unquote(line.substring("XDG_PICTURES_DIR=".length())))
                    .map(value -> value.startsWith("$HOME") ? home + value.substring("$HOME".length()) : value)
                    .map(Path::of).filter(Path::isAbsolute);
        } catch (IOException | UncheckedIOException unreadable) {
            return Optional.empty();
        }
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
