package org.keepalivelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalivelab.ui.desktop.ConfigDirectory;

/** The window's placement, its file, and which placements count as on a screen. */
class WindowPlacementTest {
    private static final List<Rectangle2D> SCREENS = List.of(new Rectangle2D(0, 0, 1920, 1080),
            new Rectangle2D(1920, 0, 1280, 1024));

    @TempDir
    Path dir;

    @Test
    void isWrittenAndReadBack() {
        var file = WindowPlacementFile.in(dir.resolve("keepalive-lab"));
        var placement = new WindowPlacement(12.5, -3, 1366, 768, true);
        file.write(placement);
        assertEquals(Optional.of(placement), file.read());
        assertTrue(Files.isRegularFile(dir.resolve("keepalive-lab").resolve(WindowPlacementFile.NAME)), "the directory is made");
    }

    @Test
    void aMissingUnreadableOrGarbledFileGivesNoPlacement() throws IOException {
        assertEquals(Optional.empty(), WindowPlacementFile.in(dir).read(), "missing");
        Files.write(dir.resolve(WindowPlacementFile.NAME), new byte[] {0, (byte) 0xff, '\\', 'u', 'z', 'z'});
        assertEquals(Optional.empty(), WindowPlacementFile.in(dir).read(), "not a properties file");
        Files.writeString(dir.resolve(WindowPlacementFile.NAME), "x=1\ny=2\nwidth=wide\nheight=700\n");
        assertEquals(Optional.empty(), WindowPlacementFile.in(dir).read(), "a width that is no number");
        var directory = Files.createDirectories(dir.resolve("elsewhere").resolve(WindowPlacementFile.NAME));
        assertEquals(Optional.empty(), WindowPlacementFile.in(directory.getParent()).read(), "a directory");
        assertEquals(Optional.empty(), WindowPlacementFile.none().read());
    }

    @Test
    void aFileThatCannotBeWrittenFailsNothing() throws IOException {
        var notADirectory = Files.writeString(dir.resolve("file"), "");
        WindowPlacementFile.in(notADirectory).write(new WindowPlacement(0, 0, 800, 600, false));
        WindowPlacementFile.none().write(new WindowPlacement(0, 0, 800, 600, false));
    }

    @Test
    void refusesNonsense() {
        assertEquals(Optional.empty(), WindowPlacement.of(properties("1", "2", "0", "700")), "no width");
        assertEquals(Optional.empty(), WindowPlacement.of(properties("NaN", "2", "800", "700")));
        assertEquals(Optional.empty(), WindowPlacement.of(properties("1", "Infinity", "800", "700")));
        assertEquals(Optional.empty(), WindowPlacement.of(new Properties()), "nothing");
        assertEquals(Optional.of(new WindowPlacement(1, 2, 800, 700, false)), WindowPlacement.of(properties("1", "2", "800", "700")));
    }

    @Test
    void isOnAScreenWhileEnoughOfItsTopEdgeIsToGrabIt() {
        assertTrue(new WindowPlacement(100, 50, 1440, 900, false).onAnyOf(SCREENS));
        assertTrue(new WindowPlacement(2500, 100, 1440, 900, false).onAnyOf(SCREENS), "on the second screen");
        assertTrue(new WindowPlacement(-1300, 0, 1440, 900, false).onAnyOf(SCREENS), "mostly off, its right end on");
        assertFalse(new WindowPlacement(3300, 100, 1440, 900, false).onAnyOf(SCREENS), "right of every screen");
        assertFalse(new WindowPlacement(1900, 1070, 1440, 900, false).onAnyOf(SCREENS), "its top edge below the screens");
        assertFalse(new WindowPlacement(100, -500, 1440, 900, false).onAnyOf(SCREENS), "its top edge above them");
        assertFalse(new WindowPlacement(3150, 10, 1440, 900, false).onAnyOf(SCREENS), "50 px of it on a screen: too little");
    }

    @Test
    void theUsersDirectoryFollowsXdgConfigHome() {
        assertEquals(Path.of("/cfg/keepalive-lab"), ConfigDirectory.of("/cfg", "/home/u"));
        assertEquals(Path.of("/home/u/.config/keepalive-lab"), ConfigDirectory.of(null, "/home/u"));
        assertEquals(Path.of("/home/u/.config/keepalive-lab"), ConfigDirectory.of("", "/home/u"));
        assertEquals(Path.of("/home/u/.config/keepalive-lab"), ConfigDirectory.of("rel/cfg", "/home/u"),
                "a relative one is ignored, as the XDG specification says");
    }

    private static Properties properties(String x, String y, String width, String height) {
        var properties = new Properties();
        properties.setProperty("x", x);
        properties.setProperty("y", y);
        properties.setProperty("width", width);
        properties.setProperty("height", height);
        return properties;
    }
}
