package org.keepalivelab.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the export's save chooser starts, on a home folder of the test's own. */
class ExportFolderTest {
    @TempDir
    Path home;

    @Test
    void startsInXdgsPicturesFolderWhereUserDirsNamesOne() throws Exception {
        var shots = Files.createDirectories(home.resolve("Bilder"));
        Files.createDirectories(home.resolve("Pictures"));
        Files.createDirectories(home.resolve(".config"));
        Files.writeString(home.resolve(".config/user-dirs.dirs"), """
                # This file is written by xdg-user-dirs-update
                XDG_DESKTOP_DIR="$HOME/Desktop"
                XDG_PICTURES_DIR="$HOME/Bilder"
                """);

        assertEquals(shots, loaded(ExportFolder.of(home, Map.of())).initial());
    }

    @Test
    void takesAnAbsolutePicturesFolderUnderXdgConfigHome() throws Exception {
        var config = Files.createDirectories(home.resolve("elsewhere"));
        var shots = Files.createDirectories(home.resolve("shots"));
        Files.writeString(config.resolve("user-dirs.dirs"), "XDG_PICTURES_DIR=\"" + shots + "\"\n");

        assertEquals(shots, loaded(ExportFolder.of(home, Map.of("XDG_CONFIG_HOME", config.toString()))).initial());
    }

    @Test
    void fallsBackToPicturesThenHome() throws Exception {
        Files.createDirectories(home.resolve(".config"));
        Files.writeString(home.resolve(".config/user-dirs.dirs"), "XDG_PICTURES_DIR=\"$HOME/Gone\"\n");
        assertEquals(home, loaded(ExportFolder.of(home, Map.of())).initial(), "no folder of pictures: home");

        var pictures = Files.createDirectories(home.resolve("Pictures"));
        assertEquals(pictures, loaded(ExportFolder.of(home, Map.of())).initial(), "a named folder that is gone: ~/Pictures");
        assertEquals(home, new ExportFolder(home, home.resolve(".config")).initial(), "home until it has looked");
    }

    @Test
    void remembersTheLastFolderForThisSessionAndTheNext() throws Exception {
        var pictures = Files.createDirectories(home.resolve("Pictures"));
        var elsewhere = Files.createDirectories(home.resolve("exports"));
        var folder = loaded(ExportFolder.of(home, Map.of()));
        assertEquals(pictures, folder.initial());

        folder.remember(elsewhere);

        assertEquals(elsewhere, folder.initial());
        assertEquals(home.resolve(".config/keepalive-lab/export.properties"), folder.settingsFile());
        assertEquals(elsewhere, loaded(ExportFolder.of(home, Map.of())).initial(), "the next run starts there too");
        Files.delete(elsewhere);
        assertEquals(pictures, loaded(ExportFolder.of(home, Map.of())).initial(), "unless it is gone");
    }

    private static ExportFolder loaded(ExportFolder folder) {
        folder.load();
        return folder;
    }
}
