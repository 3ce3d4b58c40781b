package org.keepalivelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import javax.imageio.ImageIO;
import javax.imageio.metadata.IIOMetadataFormatImpl;
import javax.imageio.metadata.IIOMetadataNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.keepalivelab.explain.RunExplanations;
import org.keepalivelab.export.AppVersion;
import org.keepalivelab.lab.Lab;
import org.keepalivelab.lab.Run;
import org.keepalivelab.ui.export.PngExport;
import org.keepalivelab.ui.export.PngToolkit;
import org.keepalivelab.ui.theme.Theme;

/** The PNG export API the command line uses: from a plain thread, on the headless toolkit. */
// The JavaFX toolkit is one per JVM: window tests take turns, lab tests run beside them.
@ResourceLock("javafx-toolkit")
class PngExportTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() {
        PngToolkit.startHeadless();
    }

    @Test
    void writesTheKillScenarioAtTheRequestedSize() throws Exception {
        try (var lab = Lab.start(KillScenario.SETTINGS)) {
            int conn = lab.connect().get();
            lab.send(conn, 5).get();
            lab.kill(conn).get();
            KillScenario.await(Duration.ofSeconds(15), "the server to see EOF", lab::allServersEnded);
            Path light = dir.resolve("kill.png");
            Path dark = dir.resolve("kill-dark.png");
            PngExport.write(lab.timeline(), lab.connections(), 1920, 1080, light);
            PngExport.write(lab.timeline(), lab.connections(), null, PngExport.LAB_START, PngExport.LAB_END, 1280, 720,
                    Theme.DARK, dark);
            assertPicture(ImageIO.read(light.toFile()), 1920);
            assertPicture(ImageIO.read(dark.toFile()), 1280);
            String description = description(dark);
            assertTrue(description.startsWith("TCP timeline: whole lab 0 s – ")
                    && description.endsWith(" s, connection 1 of 1, dark theme"), "the file says what it shows: " + description);
            assertEquals(AppVersion.nameAndVersion(), text(dark, PngExport.SOFTWARE), "and what drew it, with its version");
            try (var files = Files.list(dir)) {
                assertEquals(2, files.count(), "no temporary file is left behind");
            }
        }
    }

    @Test
    void asARunsSinkItDrawsTheWholeLabAndSaysWhatItWrote() throws Exception {
        try (var lab = Lab.start(KillScenario.SETTINGS)) {
            lab.connect().get();
            Path file = dir.resolve("run.png");

            var written = PngExport.sink(file, 1280, 720, Theme.DARK, new RunExplanations()).write(lab).orElseThrow();

            var image = ImageIO.read(file.toFile());
            assertPicture(image, 1280);
            assertEquals(new Run.Written(file, "1280×" + image.getHeight() + ", dark theme"), written,
                    "the size it wrote: the content's height, not the most asked");
        }
    }

    @Test
    void refusesASizeOutsideItsRange() {
        var e = assertThrows(IllegalArgumentException.class, () -> PngExport.checkSize(10, 10));
        assertTrue(e.getMessage().contains("320..8192"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PngExport.sink(dir.resolve("no.png"), 10, 10, Theme.LIGHT, new RunExplanations()));
    }

    /** The PNG's Description text, what the picture says it shows; null for none. */
    static String description(Path png) throws IOException {
        return text(png, PngExport.DESCRIPTION);
    }

    /** A PNG text chunk's value (tEXt or iTXt, through ImageIO's standard metadata tree), or null. */
    static String text(Path png, String keyword) throws IOException {
        try (var in = ImageIO.createImageInputStream(png.toFile())) {
            var reader = ImageIO.getImageReaders(in).next();
            try {
                reader.setInput(in);
                var tree = (IIOMetadataNode) reader.getImageMetadata(0)
                        .getAsTree(IIOMetadataFormatImpl.standardMetadataFormatName);
                var entries = tree.getElementsByTagName("TextEntry");
                for (int i = 0; i < entries.getLength(); i++) {
                    var entry = (IIOMetadataNode) entries.item(i);
                    if (entry.getAttribute("keyword").equals(keyword)) {
                        return entry.getAttribute("value");
                    }
                }
                return null;
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * Decodes, has the width asked for, is a picture (many distinct colours, not one fill) and has no
     * empty band: it is as tall as its caption, lanes, stories and legend need, so no run of blank rows
     * is taller than the gaps between them.
     */
    static void assertPicture(BufferedImage image, int width) {
        assertNotNull(image, "the file decodes as PNG");
        assertEquals(width, image.getWidth());
        var colours = new HashSet<Integer>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < width; x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 20, "the image is not blank: " + colours.size() + " colours");
        int blank = longestBlankRun(image);
        assertTrue(blank <= 40 * width / 1400, "an empty band of " + blank + " rows in " + image.getHeight());
    }

    /** The most rows one after another that are each one colour from edge to edge. */
    static int longestBlankRun(BufferedImage image) {
        int longest = 0;
        int run = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            boolean blank = true;
            for (int x = 1; x < image.getWidth() && blank; x++) {
                blank = image.getRGB(x, y) == image.getRGB(0, y);
            }
            run = blank ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
