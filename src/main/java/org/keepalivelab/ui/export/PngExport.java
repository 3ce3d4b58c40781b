package org.keepalivelab.ui.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadataFormatImpl;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.keepalivelab.explain.Explanation;
import org.keepalivelab.explain.LabFacts;
import org.keepalivelab.explain.RunExplanations;
import org.keepalivelab.export.AppVersion;
import org.keepalivelab.export.AtomicFiles;
import org.keepalivelab.lab.ConnectionStatus;
import org.keepalivelab.lab.Lab;
import org.keepalivelab.lab.Range;
import org.keepalivelab.lab.Run;
import org.keepalivelab.linux.KernelSettings;
import org.keepalivelab.model.Timeline;
import org.keepalivelab.ui.settings.KernelDefaults;
import org.keepalivelab.ui.theme.Theme;
import org.keepalivelab.ui.timeline.TimelineModel;

/**
 * Writes the timeline as a PNG: a caption with the time range and the settings used, the lanes with the
 * brackets of their detections, their stories, the legend, at a size independent of any window: the
 * width asked, and the height its content needs (the height asked bounds the lanes). Callable from any thread but the FX thread once the
 * FX toolkit runs ({@link PngToolkit#startHeadless()} for the command line): the drawing hops onto
 * the FX thread and this waits for it; encoding and file work stay on the caller's thread. The file
 * appears whole or not at all ({@link AtomicFiles}).
 */
public final class PngExport {
    public static final int DEFAULT_WIDTH = 1920;
    public static final int DEFAULT_HEIGHT = 1080;
    /** The sizes {@link #checkSize} accepts, which the export dialog's fields offer too. */
    public static final Range WIDTH = new Range("PNG width", 320, 8192, "px");
    public static final Range HEIGHT = new Range("PNG height", 200, 8192, "px");
    /** Stands for the lab's start ({@code fromNanos}) or its last event ({@code toNanos}). */
    public static final long LAB_START = Long.MIN_VALUE;
    public static final long LAB_END = Long.MAX_VALUE;
    private static final long RENDER_TIMEOUT_SECONDS = 60;
    /** ImageIO's PNG compression quality: 1 stores, 0 deflates hardest; 0.75 is zlib level 2. */
    private static final float PNG_QUALITY = 0.75f;
    /** The keywords of the PNG text chunks written: registered ones (PNG specification, 11.3.4.2). */
    public static final String DESCRIPTION = "Description";
    public static final String SOFTWARE = "Software";

    private PngExport() {
    }

    /** Writes the whole lab, from its start to its last event, in the light theme; returns the picture's height. */
    public static int write(Timeline timeline, List<ConnectionStatus> connections, int width, int height, Path file)
            throws IOException {
        return write(timeline, connections, null, LAB_START, LAB_END, width, height, Theme.LIGHT, file);
    }

    /**
     * Writes {@code fromNanos..toNanos} of {@code timeline} (ns since the lab started; {@link #LAB_START}
     * and {@link #LAB_END} for the whole lab).
     *
     * @param connections the lab's connections ({@code Lab.connections()}): the caption and lane titles
     *                    show their settings; may be empty
     * @param modeNote    what the lab could not see ({@link #modeNote}), under the title; null for none
     * @param height      the most the caption, the lanes and the legend take ({@link TimelineImage#draw})
     * @return the picture's height in pixels: what its content needs, its stories included
     * @throws IllegalArgumentException for a size outside {@link #WIDTH} × {@link #HEIGHT}
     */
    public static int write(Timeline timeline, List<ConnectionStatus> connections, String modeNote, long fromNanos,
                             long toNanos, int width, int height, Theme theme, Path file) throws IOException {
        return write(timeline, connections, explain(timeline, connections, TimelineImage.lanesAtMost(width, height)),
                modeNote, fromNanos, toNanos, width, height, theme, file);
    }

    /**
     * As {@link #write(Timeline, List, String, long, long, int, int, Theme, Path)}, with the explanations
     * made already: an imported capture's ({@code explain.CaptureExplanations}), whose connections have
     * no lab status.
     *
     * @return the picture's height in pixels
     */
    public static int write(Timeline timeline, List<ConnectionStatus> connections, List<Explanation> explained,
                             String modeNote, long fromNanos, long toNanos, int width, int height, Theme theme,
                             Path file) throws IOException {
        checkSize(width, height);
        var defaults = KernelDefaults.of(KernelSettings.read()); // reads /proc: here, not on the FX thread
        var model = new TimelineModel(timeline);
        model.pull(); // here, not on the FX thread: a million events' rows are 0.3–0.5 s of first-touched pages
        var picture = onFxThread(() -> { // the model is the FX thread's from here on
            long from = fromNanos == LAB_START ? TimelineImage.wholeLabStart(model) : fromNanos;
            long to = toNanos == LAB_END ? TimelineImage.wholeLabEnd(model, from) : toNanos;
            String name = fromNanos == LAB_START && toNanos == LAB_END ? "whole lab" : "chosen range";
            var caption = new TimelineImage.Caption(name, modeNote, connections, defaults, explained);
            return TimelineImage.draw(model, TimelineImage.allLanes(model, from, to), width, height, theme, caption);
        });
        writeImage(opaque(picture.image()), picture.description(), file);
        return (int) picture.image().getHeight();
    }

    /**
     * The explanations of the first {@code lanes} connections, the most a picture shows, made here (off
     * the FX thread) from the run's events, as a run that is over.
     */
    private static List<Explanation> explain(Timeline timeline, List<ConnectionStatus> connections, int lanes) {
        var shown = connections.subList(0, Math.min(lanes, connections.size()));
        return LabFacts.explainFinished(timeline, shown, connections.size(), KernelSettings.read());
    }

    /**
     * A run's sink that draws the whole lab to {@code file} on the headless FX toolkit, which it starts
     * ({@link PngToolkit#startHeadless()}) when it writes.
     *
     * @throws IllegalArgumentException for a size outside {@link #WIDTH} × {@link #HEIGHT}
     */
    public static Run.Sink sink(Path file, int width, int height, Theme theme, RunExplanations explained) {
        checkSize(width, height);
        return lab -> {
            PngToolkit.startHeadless();
            var all = explained.of(lab);
            var shown = all.subList(0, Math.min(TimelineImage.lanesAtMost(width, height), all.size()));
            int drawn = write(lab.timeline(), lab.connections(), shown, modeNote(lab), LAB_START, LAB_END, width,
                    height, theme, file);
            return Optional.of(new Run.Written(file, width + "×" + drawn + ", "
                    + theme.name().toLowerCase(Locale.ROOT) + " theme"));
        };
    }

    /**
     * The note a picture of {@code lab}'s timeline carries: its mode's banner where it cannot capture or
     * sever (a reader of the picture should know what could not be drawn), else null.
     */
    public static String modeNote(Lab lab) {
        return lab.mode().limited() ? lab.mode().banner() : null;
    }

    /**
     * A JavaFX image with no transparency (an export, painted on its background) as a BufferedImage of
     * 3 bytes a pixel: a quarter less to filter and deflate than ARGB, and no alpha to un-premultiply.
     */
    public static BufferedImage opaque(Image image) {
        var rgb = new BufferedImage((int) image.getWidth(), (int) image.getHeight(), BufferedImage.TYPE_INT_RGB);
        return SwingFXUtils.fromFXImage(image, rgb);
    }

    /** Writes an image as PNG with no Description: see {@link #writeImage(BufferedImage, String, Path)}. */
    public static void writeImage(BufferedImage image, Path file) throws IOException {
        writeImage(image, null, file);
    }

    /**
     * Writes an image as PNG, whole or not at all, with text chunks that say what it shows
     * ({@code Description}, when not null) and what drew it ({@code Software}): a file found later
     * explains itself to any viewer that shows PNG text. Does file I/O: keep it off the FX thread.
     * Deflates at a fast level ({@value #PNG_QUALITY} quality, zlib level 2): at 3840×2160 it takes a
     * third of ImageIO's default time for a file about 15% larger (a timeline is mostly flat colour).
     */
    public static void writeImage(BufferedImage image, String description, Path file) throws IOException {
        var writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("No PNG writer is available.");
        }
        ImageWriter writer = writers.next();
        try {
            var param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(PNG_QUALITY);
            var metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            var text = new LinkedHashMap<String, String>();
            if (description != null) {
                text.put(DESCRIPTION, description);
            }
            text.put(SOFTWARE, AppVersion.nameAndVersion());
            metadata.mergeTree(IIOMetadataFormatImpl.standardMetadataFormatName, textTree(text));
            AtomicFiles.write(file, out -> {
                try (var stream = new MemoryCacheImageOutputStream(out)) {
                    writer.setOutput(stream);
                    writer.write(null, new IIOImage(image, null, metadata), param);
                }
            });
        } finally {
            writer.dispose();
        }
    }

    /**
     * PNG text entries in ImageIO's standard metadata tree: its PNG writer stores each as tEXt where the
     * text is Latin-1 and as iTXt (UTF-8) where it is not ("–", "×").
     */
    private static IIOMetadataNode textTree(Map<String, String> entries) {
        var text = new IIOMetadataNode("Text");
        entries.forEach((keyword, value) -> {
            var entry = new IIOMetadataNode("TextEntry");
            entry.setAttribute("keyword", keyword);
            entry.setAttribute("value", value);
            entry.setAttribute("encoding", "UTF-8");
            entry.setAttribute("compression", "none");
            text.appendChild(entry);
        });
        var root = new IIOMetadataNode(IIOMetadataFormatImpl.standardMetadataFormatName);
        root.appendChild(text);
        return root;
    }

    /** Throws {@link IllegalArgumentException} naming the allowed sizes. */
    public static void checkSize(int width, int height) {
        if (!WIDTH.contains(width) || !HEIGHT.contains(height)) {
            throw new IllegalArgumentException("PNG size must be " + WIDTH.min() + ".." + WIDTH.max() + " × "
                    + HEIGHT.min() + ".." + HEIGHT.max() + " pixels, not " + width + "×" + height);
        }
    }

    private static <T> T onFxThread(Supplier<T> task) throws IOException {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("PngExport.write waits for the FX thread: call it from another thread.");
        }
        var result = new CompletableFuture<T>();
        try {
            Platform.runLater(() -> {
                try {
                    result.complete(task.get());
                } catch (RuntimeException | Error e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (IllegalStateException e) {
            throw new IOException("The JavaFX toolkit is not running: call PngToolkit.startHeadless() first.", e);
        }
        try {
            return result.get(RENDER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while drawing the PNG.", e);
        } catch (ExecutionException e) {
            throw new IOException("Drawing the PNG failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("Drawing the PNG took longer than " + RENDER_TIMEOUT_SECONDS + " s.", e);
        }
    }
}
