package org.keepalivelab.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.keepalivelab.explain.CaptureExplanations;
import org.keepalivelab.explain.Explanation;
import org.keepalivelab.explain.ProbeVerdicts;
import org.keepalivelab.imports.ImportResult;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.Timeline;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;

/**
 * The event log of an imported capture: the same JSON Lines as a run's ({@link EventLog}, whose writer
 * of each event it shares), format {@value EventLog#FORMAT}, with a header that says where the events come from
 * ({@code "source":"capture"}) instead of the lab's settings, {@code "assumed":true} on a segment
 * whose label rests on what a capture cannot show, each probe's verdict ({@code "answered"},
 * {@code "answeredBy"}), the inferred states, and per connection its detections and story as a run's
 * log ends, each detection with {@code "appKnown":false}.
 */
public final class ImportLog {
    private ImportLog() {
    }

    /** Writes the log of {@code timeline}, explaining its connections here ({@link CaptureExplanations}). */
    public static void write(ImportResult result, Timeline timeline, Path file) throws IOException {
        write(result, timeline, CaptureExplanations.of(timeline, result.connections().size()), file);
    }

    /**
     * Writes the header, every event of {@code timeline} in time order (each probe with its verdict),
     * then each connection's detections ({@code "appKnown":false}) and story, to {@code file}, atomically.
     */
    public static void write(ImportResult result, Timeline timeline, List<Explanation> explanations, Path file)
            throws IOException {
        AtomicFiles.write(file, out -> write(result, timeline, explanations, out));
    }

    static void write(ImportResult result, Timeline timeline, List<Explanation> explanations, OutputStream out)
            throws IOException {
        var buffered = new BufferedOutputStream(out, 1 << 16);
        var verdicts = new ProbeVerdicts(timeline); // the probes' rows off the heap, read from the columns
        try (var json = EventLog.JSON.createGenerator(ObjectWriteContext.empty(), buffered)) {
            writeHeader(json, result);
            int[] order = TimeOrder.of(timeline);
            for (int i = 0; i < order.length; i++) {
                int index = order[i];
                json.writeStartObject();
                boolean probe = timeline.isSegment(index) && timeline.segmentKind(index) == SegmentKind.KEEPALIVE;
                EventLog.writeEventFields(json, timeline.get(index),
                        probe ? Optional.of(verdicts.of(index)) : Optional.empty());
                if (result.assumed().contains(index)) {
                    json.writeBooleanProperty("assumed", true);
                }
                EventLog.endLine(json);
            }
            for (var explanation : explanations) {
                for (var detection : explanation.detections()) {
                    json.writeStartObject();
                    EventLog.writeDetectionFields(json, detection);
                    json.writeBooleanProperty("appKnown", false); // appT is null: a capture holds no application event
                    EventLog.endLine(json);
                }
                EventLog.writeStory(json, explanation.story());
            }
        }
        buffered.flush();
    }

    private static void writeHeader(JsonGenerator json, ImportResult result) {
        json.writeStartObject();
        json.writeStringProperty("type", "lab");
        json.writeNumberProperty("format", EventLog.FORMAT);
        json.writeStringProperty("source", "capture");
        json.writeStringProperty("file", result.file());
        json.writeNumberProperty("startEpochNanos", result.startEpochNanos());
        json.writeNumberProperty("packetsRead", result.packetsRead());
        json.writeNumberProperty("packetsSkipped", result.packetsSkipped());
        json.writeNumberProperty("packetsDuplicated", result.packetsDuplicated());
        json.writeNumberProperty("packetsFiltered", result.packetsFiltered());
        if (result.filter() != null) {
            json.writeStringProperty("filter", result.filter().toString());
        }
        result.truncatedAt().ifPresent(at -> {
            json.writeName("truncatedAt");
            json.writeStartObject();
            json.writeNumberProperty("packet", at.packet());
            json.writeNumberProperty("offset", at.offset());
            json.writeEndObject();
        });
        // Nothing of the applications is in a capture: a detection from it cannot say what they saw.
        json.writeBooleanProperty("appKnown", false);
        json.writeName("connections");
        json.writeStartArray();
        for (var conn : result.connections()) {
            json.writeStartObject();
            json.writeNumberProperty("conn", conn.conn());
            json.writeStringProperty("client", conn.client().toString());
            json.writeStringProperty("server", conn.server().toString());
            json.writeStringProperty("clientBy", conn.clientRule().name());
            json.writeStringProperty("clientReason", conn.clientRule().reason());
            json.writeEndObject();
        }
        json.writeEndArray();
        EventLog.endLine(json);
    }
}
