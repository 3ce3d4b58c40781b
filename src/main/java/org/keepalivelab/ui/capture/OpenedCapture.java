package org.keepalivelab.ui.capture;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keepalivelab.imports.ImportResult;
import org.keepalivelab.model.Timeline;

/**
 * A capture file read into the window: what the import found, its timeline (off the heap, in the
 * process's store; its files go once the capture is closed and no longer reachable), one small summary
 * per connection, and, for a saved lab run, the labels its event log gave the connections.
 *
 * @param file    the file read (a saved run's {@value RunFolder#CAPTURE})
 * @param run     the saved run's folder, when the file is one's
 * @param labels  each connection's label by number, from the run's event log; empty for a capture
 */
public record OpenedCapture(Path file, Optional<Path> run, ImportResult result, Timeline timeline,
                            List<CaptureSummary> summaries, Map<Integer, String> labels) {

    /** What the window calls it: the run's folder, or the file. */
    public String name() {
        return run.orElse(file).getFileName().toString();
    }

    /** One line on what was read: "cut.pcap: 1,200 packets, 3 connections, 2,345 segments; 3 skipped (not TCP)". */
    public String summaryText() {
        var text = new StringBuilder(String.format("%s: %,d packets, %,d connections, %,d segments", name(),
                result.packetsRead(), result.connections().size(), timeline.size()));
        if (result.packetsSkipped() > 0) {
            text.append(String.format("; %,d skipped (not TCP)", result.packetsSkipped()));
        }
        if (result.packetsDuplicated() > 0) {
            text.append(String.format("; %,d duplicates dropped", result.packetsDuplicated()));
        }
        run.ifPresent(folder -> text.append(labels.isEmpty() ? "; a saved run" : "; a saved run, its labels restored"));
        return text.append(". What the applications saw is not in a capture.").toString();
    }

    /** Where the file ended inside a packet, in one sentence; empty when it ended whole. */
    public Optional<String> truncation() {
        return result.truncatedAt().map(at -> String.format("%s ends inside packet %,d (which starts at byte %,d): "
                + "this shows the %,d packets before it.", file.getFileName(), at.packet(), at.offset(), at.packet() - 1));
    }

    /** A lane's title: its ends, and its label where the run gave it one. */
    public String laneTitle(int conn) {
        if (conn < 1 || conn > summaries.size()) {
            return "#" + conn;
        }
        var s = summaries.get(conn - 1);
        return "#" + conn + (s.label().isEmpty() ? "" : " " + s.label()) + "  " + s.client() + " → " + s.server();
    }
}
