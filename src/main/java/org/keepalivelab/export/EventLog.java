package org.keepalivelab.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.keepalivelab.explain.Detection;
import org.keepalivelab.explain.Explanation;
import org.keepalivelab.explain.KernelFinding;
import org.keepalivelab.explain.ProbeVerdict;
import org.keepalivelab.explain.ProbeVerdicts;
import org.keepalivelab.explain.RunExplanations;
import org.keepalivelab.explain.Story;
import org.keepalivelab.lab.KeepaliveSettings;
import org.keepalivelab.lab.Lab;
import org.keepalivelab.lab.LabSettings;
import org.keepalivelab.lab.Run;
import org.keepalivelab.lab.SocketSettings;
import org.keepalivelab.linux.KernelSettings;
import org.keepalivelab.model.ActionEvent;
import org.keepalivelab.model.AppEvent;
import org.keepalivelab.model.Event;
import org.keepalivelab.model.SegmentEvent;
import org.keepalivelab.model.StateEvent;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes the lab's event log as JSON Lines, format {@value #FORMAT} (docs/architecture.md, "The event log"): a header with every
 * setting used, then one event per line in time order, then per connection what each side learned of
 * its fault and when ({@code detection}) and its story ({@code story}).
 */
public final class EventLog {
    public static final int FORMAT = 2;
    /** Who made the log: the lab itself (later also a capture file read back, or a prediction). */
    static final String SOURCE = "lab";

    // One object per line, separated by our own newlines; the caller owns (and closes) the stream.
    static final JsonFactory JSON = JsonFactory.builder()
            .rootValueSeparator("")
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private EventLog() {
    }

    /** Writes the log of everything the lab recorded so far to {@code file}, atomically. */
    public static void write(Lab lab, Path file) throws IOException {
        write(lab, new RunExplanations(), file);
    }

    private static void write(Lab lab, RunExplanations explained, Path file) throws IOException {
        AtomicFiles.write(file, out -> write(lab, explained.of(lab), out));
    }

    /** A run's sink that writes the log to {@code file}, with the run's {@code explained}. */
    public static Run.Sink sink(Path file, RunExplanations explained) {
        return lab -> {
            write(lab, explained, file);
            return Optional.of(new Run.Written(file, lab.timeline().size() + " events"));
        };
    }

    static void write(Lab lab, List<Explanation> explained, OutputStream out) {
        var kernel = KernelSettings.read();
        var timeline = lab.timeline();
        int[] order = TimeOrder.of(timeline); // 4 bytes an event, not a record each: a run of millions fits the heap
        var verdicts = new ProbeVerdicts(timeline, order.length); // the events the log holds, however many come meanwhile
        try (var json = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            writeHeader(json, lab, kernel);
            for (int index : order) {
                var event = timeline.get(index);
                writeEvent(json, event, ProbeVerdicts.isProbe(event) ? Optional.of(verdicts.of(index)) : Optional.empty());
            }
            // The run is over for this record: no story ends with what the kernel does next.
            for (var explanation : explained) {
                explanation.detections().forEach(d -> writeDetection(json, d));
                writeStory(json, explanation.story());
            }
        }
    }

    private static void writeHeader(JsonGenerator json, Lab lab, KernelSettings kernel) {
        json.writeStartObject();
        json.writeStringProperty("type", "lab");
        json.writeNumberProperty("format", FORMAT);
        json.writeStringProperty("source", SOURCE);
        json.writeStringProperty("version", AppVersion.version());
        json.writeNumberProperty("startEpochNanos", lab.clock().startEpochNanos());
        json.writeStringProperty("serverAddress", lab.serverAddress().getAddress().getHostAddress());
        json.writeNumberProperty("serverPort", lab.serverAddress().getPort());
        writeSettings(json, lab.initialSettings(), kernel);
        json.writeStringProperty("capture", lab.captureProblem().orElse("running"));
        json.writeStringProperty("sever", lab.severProblem().orElse("available"));
        json.writeBooleanProperty("kernelState", lab.mode().kernelState());
        json.writeBooleanProperty("privateNamespace", lab.mode().privateNamespace());
        json.writeStringProperty("mode", lab.mode().banner());
        json.writeName("kernel");
        json.writeStartObject();
        json.writeStringProperty("release", kernel.release());
        json.writeNumberProperty("tcpKeepaliveTime", kernel.keepaliveTime());
        json.writeNumberProperty("tcpKeepaliveIntvl", kernel.keepaliveInterval());
        json.writeNumberProperty("tcpKeepaliveProbes", kernel.keepaliveProbes());
        json.writeNumberProperty("tcpFinTimeout", kernel.finTimeout());
        json.writeNumberProperty("tcpRetries2", kernel.retries2());
        json.writeEndObject();
        // The TCP sysctls in force in the lab's namespace (its own with --sysctl), by sysctl(8)'s names.
        json.writeName("sysctl");
        json.writeStartObject();
        kernel.sysctl().forEach(json::writeNumberProperty);
        json.writeEndObject();
        // A connection keeps the settings it was opened with; the UI may change them between connections.
        json.writeName("connections");
        json.writeStartArray();
        for (var conn : lab.connections()) {
            json.writeStartObject();
            json.writeNumberProperty("conn", conn.conn());
            json.writeNumberProperty("clientPort", conn.clientPort()); // the server's is the header's serverPort
            if (!conn.label().isEmpty()) {
                json.writeStringProperty("label", conn.label());
            }
            writeSettings(json, conn.settings(), kernel);
            json.writeEndObject();
        }
        json.writeEndArray();
        endLine(json);
    }

    private static void writeSettings(JsonGenerator json, LabSettings settings, KernelSettings kernel) {
        json.writeStringProperty("serverPolicy", settings.serverPolicy().label());
        writeSocket(json, "server", settings.server(), kernel);
        writeSocket(json, "client", settings.client(), kernel);
        writeOrphanLifetime(json, "orphanLifetime", settings.orphanLifetimeSeconds(), kernel);
        writeOrphanLifetime(json, "serverOrphanLifetime", settings.serverOrphanLifetimeSeconds(), kernel);
    }

    /** A side's {@code TCP_LINGER2}, or {@code tcp_fin_timeout} where it leaves the kernel's. */
    private static void writeOrphanLifetime(JsonGenerator json, String name, int seconds, KernelSettings kernel) {
        boolean kernelDefault = seconds == LabSettings.KERNEL_DEFAULT_ORPHAN_LIFETIME;
        json.writeNumberProperty(name + "S", kernelDefault ? kernel.finTimeout() : seconds);
        json.writeBooleanProperty(name + "IsKernelDefault", kernelDefault);
    }

    private static void writeSocket(JsonGenerator json, String side, SocketSettings socket, KernelSettings kernel) {
        KeepaliveSettings keepalive = socket.keepalive();
        json.writeName(side + "Keepalive");
        json.writeStartObject();
        json.writeBooleanProperty("enabled", keepalive.enabled());
        json.writeNumberProperty("idle", keepalive.idle());
        json.writeNumberProperty("interval", keepalive.interval());
        boolean kernelCount = keepalive.count() == KeepaliveSettings.KERNEL_DEFAULT_COUNT;
        json.writeNumberProperty("count", kernelCount ? kernel.keepaliveProbes() : keepalive.count());
        json.writeBooleanProperty("countIsKernelDefault", kernelCount);
        json.writeEndObject();
        json.writeNumberProperty(side + "UserTimeoutMs", socket.userTimeoutMillis());
    }

    /** @param verdict what became of it, for a keep-alive probe */
    private static void writeEvent(JsonGenerator json, Event event, Optional<ProbeVerdict> verdict) {
        json.writeStartObject();
        writeEventFields(json, event, verdict);
        endLine(json);
    }

    /**
     * An event's properties, inside an object the caller opens and ends: {@link ImportLog} adds its own.
     *
     * @param verdict what became of it, for a keep-alive probe; empty writes no verdict
     */
    static void writeEventFields(JsonGenerator json, Event event, Optional<ProbeVerdict> verdict) {
        json.writeNumberProperty("t", event.t());
        json.writeNumberProperty("conn", event.conn());
        switch (event) {
            case SegmentEvent s -> {
                json.writeStringProperty("type", "segment");
                json.writeStringProperty("dir", s.dir().label());
                json.writeStringProperty("flags", s.flagNames());
                json.writeNumberProperty("seq", s.seq());
                json.writeNumberProperty("ack", s.ack());
                json.writeNumberProperty("len", s.len());
                json.writeNumberProperty("window", s.window());
                json.writeStringProperty("kind", s.kind().name());
                json.writeBooleanProperty("dropped", s.dropped());
                if (s.inferred()) {
                    json.writeBooleanProperty("inferred", true); // only when true: older readers see a segment
                }
                verdict.ifPresent(v -> writeVerdict(json, v));
            }
            case AppEvent a -> {
                json.writeStringProperty("type", "app");
                json.writeStringProperty("side", a.side().label());
                json.writeStringProperty("event", a.event().name());
                if (a.bytes() != 0) {
                    json.writeNumberProperty("bytes", a.bytes());
                }
                if (a.message() != null) {
                    json.writeStringProperty("message", a.message());
                }
            }
            case StateEvent s -> {
                json.writeStringProperty("type", "state");
                json.writeStringProperty("side", s.side().label());
                json.writeStringProperty("state", s.state().name());
                json.writeNumberProperty("probes", s.probes());
                json.writeBooleanProperty("orphan", s.orphan());
                if (s.inferred()) {
                    json.writeBooleanProperty("inferred", true); // implied by a capture's segments; only when true
                }
            }
            case ActionEvent a -> {
                json.writeStringProperty("type", "action");
                json.writeStringProperty("action", a.action().verb());
                json.writeStringProperty("args", a.action().args());
                writeStringOrNull(json, "side", a.action().actingSide().map(side -> side.label()));
            }
        }
    }

    /** {@code "answered": true|false|null} (null: the record ended first, or the probe was inferred), and by what. */
    private static void writeVerdict(JsonGenerator json, ProbeVerdict verdict) {
        json.writeName("answered");
        verdict.answered().ifPresentOrElse(json::writeBoolean, json::writeNull);
        writeStringOrNull(json, "answeredBy", verdict.by().map(Enum::name));
    }

    /** One surviving side's detection, times in the events' nanoseconds, null where it did not learn. */
    private static void writeDetection(JsonGenerator json, Detection d) {
        json.writeStartObject();
        writeDetectionFields(json, d);
        endLine(json);
    }

    /** A detection's properties, inside an object the caller opens and ends: {@link ImportLog} adds its own. */
    static void writeDetectionFields(JsonGenerator json, Detection d) {
        json.writeStringProperty("type", "detection");
        json.writeNumberProperty("conn", d.conn());
        json.writeStringProperty("side", d.side().label());
        json.writeStringProperty("fault", d.fault().name());
        writeStringOrNull(json, "faultSide", d.fault().side().map(side -> side.label()));
        json.writeNumberProperty("faultT", d.fault().t());
        writeNumberOrNull(json, "kernelT", d.kernel().map(KernelFinding::t));
        writeNumberOrNull(json, "appT", d.app().map(a -> a.t()));
        writeStringOrNull(json, "appEvent", d.app().map(a -> a.event().name()));
        writeStringOrNull(json, "appMessage", d.app().map(a -> a.message()));
        writeStringOrNull(json, "kernelEvidence", d.kernel().map(k -> k.evidence().name()));
        d.kernel().filter(k -> k.earliest() != k.t() || k.latest() != k.t()).ifPresent(k -> {
            json.writeNumberProperty("kernelEarliestT", k.earliest());
            json.writeNumberProperty("kernelLatestT", k.latest());
        });
        d.nextRead().ifPresent(read -> { // an application that never reads again: what the lab's read for it returned
            json.writeStringProperty("nextRead", read.event().name());
            writeStringOrNull(json, "nextReadMessage", Optional.ofNullable(read.message()));
            json.writeNumberProperty("nextReadT", read.t());
        });
        json.writeStringProperty("basis", d.basis().name().toLowerCase(Locale.ROOT));
    }

    /** The story as one paragraph, and sentence by sentence with the moment each is about. */
    static void writeStory(JsonGenerator json, Story story) {
        json.writeStartObject();
        json.writeStringProperty("type", "story");
        json.writeNumberProperty("conn", story.conn());
        json.writeStringProperty("text", story.text());
        json.writeName("sentences");
        json.writeStartArray();
        for (var sentence : story.sentences()) {
            json.writeStartObject();
            writeNumberOrNull(json, "t", sentence.t().isPresent() ? Optional.of(sentence.t().getAsLong()) : Optional.empty());
            json.writeStringProperty("text", sentence.text());
            json.writeStringProperty("basis", sentence.basis().name().toLowerCase(Locale.ROOT));
            json.writeEndObject();
        }
        json.writeEndArray();
        endLine(json);
    }

    private static void writeStringOrNull(JsonGenerator json, String name, Optional<String> value) {
        json.writeName(name);
        value.ifPresentOrElse(json::writeString, json::writeNull);
    }

    private static void writeNumberOrNull(JsonGenerator json, String name, Optional<Long> value) {
        json.writeName(name);
        value.ifPresentOrElse(json::writeNumber, json::writeNull);
    }

    static void endLine(JsonGenerator json) {
        json.writeEndObject();
        json.writeRaw('\n');
    }
}
