package org.keepalivelab.ui.capture;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.keepalivelab.export.EventLogReader;
import org.keepalivelab.imports.BadCaptureException;
import org.keepalivelab.imports.CaptureImport;
import org.keepalivelab.imports.CaptureStream;
import org.keepalivelab.model.EventsByConnection;
import org.keepalivelab.model.Timeline;
import org.keepalivelab.ui.timeline.TimelineModel;

/**
 * One capture or saved run being read into the window, on a thread of its own ({@value #THREAD}): a
 * capture streamed through the import ({@link CaptureImport}) onto a new timeline, or a saved run's
 * event log through {@link EventLogReader} (the run as it was recorded: its applications' events, the
 * kernel's states, the actions, the settings; its capture stays for Wireshark), then counted per
 * connection and sorted into the view model's lanes ({@link OpenedCapture#model()}). Its progress is
 * the bytes of the file read so far (of a gzip file, its compressed bytes, so the fraction is still of
 * the file's size) and the packets or events, which the window polls;
 * {@link #cancel} stops the reader at its next read of the file (every 64 KiB at most) and
 * <em>discards</em> what was read: a capture cut where the user happened to click would look like
 * connections left open at the end, a story the file does not tell. Bad input completes {@link #done()}
 * with a {@link Failure} in one sentence naming the file, the packet and the byte (or the log's line).
 */
public final class CaptureLoad {
    public static final String THREAD = "ui-import";

    private final Path file;
    private final Optional<Path> run;
    private final long size;
    private final CompletableFuture<OpenedCapture> done = new CompletableFuture<>();
    private volatile long bytes;
    private volatile long packets;
    private volatile boolean cancelled;
    private volatile boolean sorting;

    /** The file is not a capture the lab can read: {@link #getMessage()} says why in one sentence. */
    public static final class Failure extends Exception {
        Failure(String sentence, Throwable cause) {
            super(sentence, cause);
        }
    }

    private CaptureLoad(Path file, Optional<Path> run, long size) {
        this.file = file;
        this.run = run;
        this.size = size;
    }

    /**
     * Starts reading {@code chosen}: a capture file, or a saved run (its folder, or the capture in it),
     * read from its event log. Returns at once; any thread.
     */
    public static CaptureLoad start(Path chosen) {
        var run = RunFolder.runOf(chosen);
        var file = run.map(folder -> folder.resolve(RunFolder.EVENTS)).orElse(chosen);
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            size = 0; // the reader says what is wrong with it, in the same words as for any other failure
        }
        var load = new CaptureLoad(file, run, size);
        Thread.ofPlatform().name(THREAD).daemon().start(load::read);
        return load;
    }

    private void read() {
        var timeline = new Timeline();
        String name = file.getFileName().toString();
        try {
            done.complete(run.isPresent() ? readRun(run.get(), timeline) : readCapture(name, timeline));
        } catch (Cancelled e) {
            done.completeExceptionally(new CancellationException("Reading " + name + " was cancelled."));
        } catch (EventLogReader.BadLogException e) {
            fail(e.getMessage(), e); // names the file and the line already
        } catch (BadCaptureException e) {
            fail(file + ": " + e.getMessage() + ".", e);
        } catch (NoSuchFileException e) {
            fail(file + ": there is no such file.", e);
        } catch (IOException | RuntimeException e) {
            fail(file + " cannot be read: " + e.getMessage() + ".", e);
        }
    }

    private OpenedCapture readCapture(String name, Timeline timeline) throws IOException, BadCaptureException {
        try (var in = CaptureStream.of(new Counting(Files.newInputStream(file)))) {
            var result = CaptureImport.read(name, in, timeline, null, (packet, event) -> packets = packet);
            return opened(new OpenedCapture.Imported(result), timeline, CaptureSummaries.of(result, timeline));
        }
    }

    private OpenedCapture readRun(Path folder, Timeline timeline) throws IOException {
        try (var in = new Counting(Files.newInputStream(file))) {
            var log = EventLogReader.read(file.toString(), in, timeline, events -> packets = events);
            return opened(new OpenedCapture.Saved(folder, log), timeline, CaptureSummaries.of(log, timeline));
        }
    }

    /**
     * The capture read, its view model's first pull made here: sorting every event into its lane writes
     * the rows' new pages and reads every page of the timeline, 0.3–0.5 s a million events, which on
     * the FX thread would freeze the window (the progress bar says so meanwhile). Its index of each
     * connection's events is made here too, once: the file does not grow, so it is read-only from then on
     * and every explanation reads one connection's events through it.
     */
    private OpenedCapture opened(OpenedCapture.Origin origin, Timeline timeline, List<CaptureSummary> summaries)
            throws Cancelled {
        sorting = true;
        var model = new TimelineModel(timeline, OpenedCapture.assumedLabels(origin));
        model.pull();
        if (cancelled) {
            throw new Cancelled();
        }
        var index = new EventsByConnection(timeline);
        index.update();
        if (cancelled) {
            throw new Cancelled();
        }
        return new OpenedCapture(file, origin, model, index, summaries);
    }

    private void fail(String sentence, Throwable cause) {
        done.completeExceptionally(new Failure(sentence, cause));
    }

    /** The file read: the capture, or a saved run's {@value RunFolder#EVENTS}. */
    public Path file() {
        return file;
    }

    /** Completes with the capture read, or a {@link Failure}, or a {@link CancellationException}; on the import's thread. */
    public CompletableFuture<OpenedCapture> done() {
        return done;
    }

    /** How much of the file is read, 0 to 1; negative while its size is unknown, and while it is sorted. Any thread. */
    public double fraction() {
        return size <= 0 || sorting ? -1 : Math.min(1, (double) bytes / size);
    }

    /**
     * "Reading big.pcap: 12.3 of 80.0 MB, 1,234,567 packets" (of a saved run, events); once read, "Sorting
     * big.pcap's events into lanes and by connection". Any thread.
     */
    public String progressText() {
        if (sorting) {
            return String.format("Sorting %s's events into lanes and by connection", file.getFileName());
        }
        return String.format("Reading %s: %.1f of %.1f MB, %,d %s", file.getFileName(), bytes / 1e6, size / 1e6,
                packets, run.isPresent() ? "events" : "packets");
    }

    /** Stops reading at the next read of the file and discards what was read. Any thread. */
    public void cancel() {
        cancelled = true;
    }

    /** Thrown from a read of the file once cancelled: the reader stops where it is. */
    private static final class Cancelled extends InterruptedIOException {
    }

    /** The file's bytes as read, counted; a read after {@link #cancel} stops the import. */
    private final class Counting extends FilterInputStream {
        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            check();
            int b = super.read();
            if (b >= 0) {
                bytes++;
            }
            return b;
        }

        @Override
        public int read(byte[] target, int at, int length) throws IOException {
            check();
            int n = super.read(target, at, length);
            if (n > 0) {
                bytes += n;
            }
            return n;
        }

        private void check() throws Cancelled {
            if (cancelled) {
                throw new Cancelled();
            }
        }
    }
}
