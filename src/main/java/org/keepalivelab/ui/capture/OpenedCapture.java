package org.keepalivelab.ui.capture;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.keepalivelab.explain.ConnectionFacts;
import org.keepalivelab.export.LoggedRun;
import org.keepalivelab.imports.ImportResult;
import org.keepalivelab.model.EventsByConnection;
import org.keepalivelab.model.Timeline;
import org.keepalivelab.ui.settings.KernelDefaults;
import org.keepalivelab.ui.settings.SettingsText;
import org.keepalivelab.ui.timeline.TimelineModel;

/**
 * A capture file, or a saved lab run, read into the window: where it came from, its timeline (off the
 * heap, in the process's store; its files go once it is closed and no longer reachable) with the view
 * model over it, and one small summary per connection.
 *
 * @param file   the file read: the capture, or a saved run's {@value RunFolder#EVENTS}
 * @param origin what read it: an import of a capture, or a saved run's event log
 * @param model  the timeline's view model, its first pull made on the reading thread ({@link CaptureLoad}):
 *               the FX thread, whose from then on it is, draws rows already made, never the million
 *               pages' first touch; the file does not grow, so its later pulls find nothing new
 * @param index  each connection's events in time order, off the heap, updated once on the reading
 *               thread and read-only since: every thread that explains a connection ({@code ui-explain}
 *               for the story, {@code capture-detections} for the list) reads it at once, each reading
 *               that connection's events only
 */
public record OpenedCapture(Path file, Origin origin, TimelineModel model, EventsByConnection index,
                            List<CaptureSummary> summaries) {

    /** What the timeline was read from. */
    public sealed interface Origin {
    }

    /** A capture file, imported: segments, and the states they imply. */
    public record Imported(ImportResult result) implements Origin {
    }

    /**
     * A lab run saved as a folder ({@link RunFolder}), read back from its event log: every event the run
     * recorded, each connection's settings and label. Its capture stays in the folder, for Wireshark.
     */
    public record Saved(Path folder, LoggedRun log) implements Origin {
    }

    /**
     * Which events' labels rest on what a capture cannot show: an import's, by its analyzer; none of a
     * saved run, whose labels the live lab gave.
     */
    static IntPredicate assumedLabels(Origin origin) {
        return origin instanceof Imported(var result) ? result.assumed()::contains : index -> false;
    }

    /** The events read, off the heap. */
    public Timeline timeline() {
        return model.source();
    }

    /** What the window calls it: the run's folder, or the file. */
    public String name() {
        return (origin instanceof Saved saved ? saved.folder() : file).getFileName().toString();
    }

    /** One line on what was read: "cut.pcap: 1,200 packets, 3 connections, 2,345 segments; 3 skipped (not TCP)". */
    public String summaryText() {
        return switch (origin) {
            case Imported(var result) -> {
                var text = new StringBuilder(String.format("%s: %,d packets, %,d connections, %,d segments", name(),
                        result.packetsRead(), result.connections().size(), timeline().size()));
                if (result.packetsSkipped() > 0) {
                    text.append(String.format("; %,d skipped (not TCP)", result.packetsSkipped()));
                }
                if (result.packetsDuplicated() > 0) {
                    text.append(String.format("; %,d duplicates dropped", result.packetsDuplicated()));
                }
                yield text.append(". What the applications saw is not in a capture.").toString();
            }
            case Saved(var folder, var log) -> String.format("%s: a saved run, %,d connections, %,d events, as the lab "
                    + "recorded them, with their settings; its %s is for Wireshark.", name(), log.connections().size(),
                    log.events(), RunFolder.CAPTURE);
        };
    }

    /**
     * Where the file stopped: a capture that ends inside a packet, or a saved run's log at a line that
     * makes no sense, in one sentence; empty when it was read whole.
     */
    public Optional<String> truncation() {
        return switch (origin) {
            case Imported(var result) -> result.truncatedAt().map(at -> String.format("%s ends inside packet %,d "
                    + "(which starts at byte %,d): this shows the %,d packets before it.", file.getFileName(), at.packet(),
                    at.offset(), at.packet() - 1));
            case Saved(var folder, var log) -> log.problem().map(problem -> problem + String.format(
                    " This shows the %,d events before it.", log.events()));
        };
    }

    /**
     * What an explanation of connection {@code conn} reads: a capture's events alone
     * ({@link CaptureFacts#of}), or a saved run's with the settings it was opened with
     * ({@link CaptureFacts#ofSaved}), through the index: that connection's events only. Any thread.
     */
    public ConnectionFacts facts(int conn) {
        return switch (origin) {
            case Imported _ -> CaptureFacts.of(index, conn);
            case Saved(var folder, var log) -> CaptureFacts.ofSaved(index, conn, log);
        };
    }

    /** How the PNG's caption names its source. */
    public String sourceNote() {
        return switch (origin) {
            case Imported _ -> "Imported from " + name() + ": what the applications saw is unknown";
            case Saved _ -> "The saved run " + name();
        };
    }

    /**
     * A lane's title: its ends, and its label where the run gave it one; of a saved run, also the
     * settings the connection was opened with, worded as the lab's own lanes word them, by the kernel
     * defaults of the machine it ran on.
     */
    public String laneTitle(int conn) {
        if (conn < 1 || conn > summaries.size()) {
            return "#" + conn;
        }
        var s = summaries.get(conn - 1);
        String title = "#" + conn + (s.label().isEmpty() ? "" : " " + s.label()) + "  " + s.client() + " → " + s.server();
        if (origin instanceof Saved(var folder, var log)) {
            var defaults = KernelDefaults.of(log.kernel());
            var connections = log.connections(); // numbered from 1 in order, as the lab opened them
            var logged = conn <= connections.size() ? Optional.of(connections.get(conn - 1))
                    : Optional.<LoggedRun.Connection>empty();
            return logged.filter(c -> c.conn() == conn).flatMap(LoggedRun.Connection::settings)
                    .map(settings -> title + "    " + SettingsText.lane(settings, defaults)).orElse(title);
        }
        return title;
    }
}
