package org.keepalivelab.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.keepalivelab.imports.BadCaptureException;
import org.keepalivelab.imports.CaptureStream;
import org.keepalivelab.imports.EventIndexes;
import org.keepalivelab.imports.ImportResult;
import org.keepalivelab.imports.Packet;
import org.keepalivelab.imports.PacketEvents;
import org.keepalivelab.imports.PacketReader;
import org.keepalivelab.lab.Lab;
import org.keepalivelab.lab.Run;
import org.keepalivelab.model.Timeline;

/**
 * A capture written as pcapng with the lab's labels: the app's name and version in the section header,
 * the source's interfaces as it described them (each packet on its own, its stamp as the file had it),
 * and a comment per segment in plain words ({@link SegmentComments}) that Wireshark shows as the
 * packet's comment. For the lab's own capture (its packets and its timeline's
 * segments correspond one for one, in order: the capture thread appends both) and for an imported file
 * (read a second time, its packets matched to their events by {@link PacketEvents}). Written atomically.
 */
public final class PcapngFile {

    private PcapngFile() {
    }

    /** A run's sink that writes the lab's capture to {@code file}; nothing for a lab that could not capture. */
    public static Run.Sink sink(Path file) {
        return lab -> {
            if (lab.packets().isEmpty()) {
                return Optional.empty();
            }
            writeLab(lab, file);
            return Optional.of(new Run.Written(file, lab.packets().get().packets() + " packets, each with a comment"));
        };
    }

    /** Writes the lab's capture, each segment with its comment, to {@code file}. */
    public static void writeLab(Lab lab, Path file) throws IOException {
        var timeline = lab.timeline();
        // The packet log writes classic pcap; read back as any capture, it gives the packets in the order taken.
        Path pcap = Files.createTempFile(file.toAbsolutePath().getParent(), ".lab-capture", ".pcap");
        try {
            try (var out = new BufferedOutputStream(Files.newOutputStream(pcap), 1 << 16)) {
                lab.packets().orElseThrow().writePcap(out);
            }
            int[] segments = capturedSegments(timeline);
            AtomicFiles.write(file, out -> copy(pcap.toString(), timeline, n -> n <= segments.length
                    ? segments[(int) n - 1] : -1, new EventIndexes(), out));
        } finally {
            Files.deleteIfExists(pcap);
        }
    }

    /** The timeline indexes of the captured (not inferred) segments, in the order appended. */
    private static int[] capturedSegments(Timeline timeline) {
        int n = 0;
        int size = timeline.size();
        var found = new int[size];
        for (int i = 0; i < size; i++) {
            if (timeline.isSegment(i) && !timeline.inferred(i)) {
                found[n++] = i;
            }
        }
        return Arrays.copyOf(found, n);
    }

    /** Writes the imported file {@code capture} again, each segment with its comment, to {@code file}. */
    public static void writeImport(String capture, ImportResult result, Timeline timeline, PacketEvents events,
                                   Path file) throws IOException {
        AtomicFiles.write(file, out -> copy(capture, timeline, events::event, result.assumed(), out));
    }

    @FunctionalInterface
    private interface EventOfPacket {
        int event(long packet);
    }

    private static void copy(String capture, Timeline timeline, EventOfPacket eventOf, EventIndexes assumed,
                             OutputStream out) throws IOException {
        var comments = new SegmentComments(timeline);
        var buffered = new BufferedOutputStream(out, 1 << 16);
        var writer = new PcapngWriter(buffered, AppVersion.nameAndVersion());
        var packet = new Packet();
        try (var in = CaptureStream.open(capture)) {
            // Each interface is written as it is described, so the file's numbering is ours too (one section).
            var reader = PacketReader.open(in, writer::addInterface);
            while (reader.next(packet)) {
                int event = eventOf.event(packet.number());
                String comment = event >= 0 ? comments.of(event, assumed.contains(event)) : null;
                writer.packet(packet.interfaceId(), packet.stamp(), packet.data(), packet.captured(), packet.original(),
                        comment);
            }
        } catch (BadCaptureException e) {
            throw new IOException(capture + " could not be read again: " + e.getMessage(), e);
        }
        buffered.flush();
    }
}
