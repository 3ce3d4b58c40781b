package org.keepalivelab.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;
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
 * setting used, then one event per line in time order.
 */
public final class EventLog {
    public static final int FORMAT = 1;

    // One object per line, separated by our own newlines; the caller owns (and closes) the stream.
    static final JsonFactory JSON = JsonFactory.builder()
            .rootValueSeparator("")
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private EventLog() {
    }

    /** Writes the log of everything the lab recorded so far to {@code file}, atomically. */
    public static void write(Lab lab, Path file) throws IOException {
        AtomicFiles.write(file, out -> write(lab, out));
    }

    /** A run's sink that writes the log to {@code file}. */
    public static Run.Sink sink(Path file) {
        return lab -> {
            write(lab, file);
            return Optional.of(new Run.Written(file, lab.timeline().size() + " events"));
        };
    }

    static void write(Lab lab, OutputStream out) {
        var kernel = KernelSettings.read();
        try (var json = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            writeHeader(json, lab, kernel);
            for (var event : lab.timeline().inTimeOrder()) {
                writeEvent(json, event);
            }
        }
    }

    private static void writeHeader(JsonGenerator json, Lab lab, KernelSettings kernel) {
        json.writeStartObject();
        json.writeStringProperty("type", "lab");
        json.writeNumberProperty("format", FORMAT);
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
        // A connection keeps the settings it was opened with; the UI may change them between connections.
        json.writeName("connections");
        json.writeStartArray();
        for (var conn : lab.connections()) {
            json.writeStartObject();
            json.writeNumberProperty("conn", conn.conn());
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
        boolean kernelOrphan = settings.orphanLifetimeSeconds() == LabSettings.KERNEL_DEFAULT_ORPHAN_LIFETIME;
        json.writeNumberProperty("orphanLifetimeS", kernelOrphan ? kernel.finTimeout() : settings.orphanLifetimeSeconds());
        json.writeBooleanProperty("orphanLifetimeIsKernelDefault", kernelOrphan);
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

    private static void writeEvent(JsonGenerator json, Event event) {
        json.writeStartObject();
        writeEventFields(json, event);
        endLine(json);
    }

    /** An event's properties, inside an object the caller opens and ends: {@link ImportLog} adds its own. */
    static void writeEventFields(JsonGenerator json, Event event) {
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
            }
            case ActionEvent a -> {
                json.writeStringProperty("type", "action");
                json.writeStringProperty("action", a.action().verb());
                json.writeStringProperty("args", a.action().args());
            }
        }
    }

    static void endLine(JsonGenerator json) {
        json.writeEndObject();
        json.writeRaw('\n');
    }
}
