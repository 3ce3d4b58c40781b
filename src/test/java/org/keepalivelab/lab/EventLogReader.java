package org.keepalivelab.lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.keepalivelab.model.Action;
import org.keepalivelab.model.ActionEvent;
import org.keepalivelab.model.AppEvent;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.Event;
import org.keepalivelab.model.SegmentEvent;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.StateEvent;
import org.keepalivelab.model.TcpFlags;
import org.keepalivelab.model.TcpState;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads an {@code events.jsonl} written by another process back into the lab's events, so the tests
 * of a headless run ask the same {@link Transcript} questions as the in-process tests.
 */
final class EventLogReader {
    private static final JsonFactory JSON = new JsonFactory();
    private static final Set<String> EVENT_TYPES = Set.of("segment", "app", "state", "action");
    private static final Map<String, Integer> FLAGS = Map.of("FIN", TcpFlags.FIN, "SYN", TcpFlags.SYN,
            "RST", TcpFlags.RST, "PSH", TcpFlags.PSH, "ACK", TcpFlags.ACK, "URG", TcpFlags.URG,
            "ECE", TcpFlags.ECE, "CWR", TcpFlags.CWR);

    /** The header's values (objects as maps, arrays left out), and the events as a transcript. */
    record Log(Map<String, Object> header, Transcript transcript) {
    }

    private EventLogReader() {
    }

    static Log read(Path file) {
        Map<String, Object> header = null;
        var events = new ArrayList<Event>();
        try (var json = JSON.createParser(ObjectReadContext.empty(), file)) {
            while (json.nextToken() == JsonToken.START_OBJECT) {
                var fields = readObject(json);
                if (header == null) {
                    header = fields;
                } else {
                    toEvent(fields).ifPresent(events::add);
                }
            }
        }
        if (header == null || !"lab".equals(header.get("type"))) {
            throw new AssertionError(file + " does not start with the lab's header");
        }
        return new Log(header, new Transcript(List.copyOf(events), List.copyOf(events), null));
    }

    /** One object's properties, nested objects as maps; arrays are skipped. */
    private static Map<String, Object> readObject(JsonParser json) {
        var fields = new LinkedHashMap<String, Object>();
        while (json.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = json.currentName();
            switch (json.nextToken()) {
                case VALUE_STRING -> fields.put(name, json.getString());
                case VALUE_NUMBER_INT -> fields.put(name, json.getLongValue());
                case VALUE_TRUE, VALUE_FALSE -> fields.put(name, json.getBooleanValue());
                case START_OBJECT -> fields.put(name, readObject(json));
                default -> json.skipChildren();
            }
        }
        return fields;
    }

    /** The event a line holds; none for a record that is no event (a detection, a story) or of a type not known here. */
    private static Optional<Event> toEvent(Map<String, Object> f) {
        if (!f.containsKey("t") || !EVENT_TYPES.contains(f.get("type"))) {
            return Optional.empty(); // readers ignore the records they do not know
        }
        long t = (long) f.get("t");
        int conn = integer(f, "conn");
        return Optional.of(switch ((String) f.get("type")) {
            case "segment" -> new SegmentEvent(t, conn, direction((String) f.get("dir")), flags((String) f.get("flags")),
                    (long) f.get("seq"), (long) f.get("ack"), integer(f, "len"), integer(f, "window"),
                    SegmentKind.valueOf((String) f.get("kind")), (boolean) f.get("dropped"),
                    (boolean) f.getOrDefault("inferred", false));
            case "app" -> new AppEvent(t, conn, side(f), AppEventType.valueOf((String) f.get("event")),
                    f.containsKey("bytes") ? integer(f, "bytes") : 0, (String) f.get("message"));
            case "state" -> new StateEvent(t, conn, side(f), TcpState.valueOf((String) f.get("state")),
                    integer(f, "probes"), (boolean) f.get("orphan"));
            case "action" -> new ActionEvent(t, conn, action((String) f.get("action"), (String) f.get("args")));
            default -> throw new AssertionError("unknown event type: " + f);
        });
    }

    /** The log writes an action in a script's words: read back as a script's step. */
    private static Action action(String verb, String args) {
        return ScriptStep.parse("0s:" + verb + " " + args).action();
    }

    private static int integer(Map<String, Object> fields, String name) {
        return Math.toIntExact((long) fields.get(name));
    }

    private static Direction direction(String label) {
        for (var dir : Direction.values()) {
            if (dir.label().equals(label)) {
                return dir;
            }
        }
        throw new AssertionError("unknown direction: " + label);
    }

    private static Side side(Map<String, Object> fields) {
        return Side.valueOf(((String) fields.get("side")).toUpperCase(Locale.ROOT));
    }

    private static int flags(String names) {
        int flags = 0;
        for (var name : names.split(",")) {
            flags |= FLAGS.get(name);
        }
        return flags;
    }
}
