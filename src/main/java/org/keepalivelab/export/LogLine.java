package org.keepalivelab.export;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.keepalivelab.lab.ScriptStep;
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

/**
 * One line of an event log after its header, read field by field off the streaming parser into one
 * reused holder (no tree per line), then made the event {@link EventLog#writeEventFields} wrote: a
 * segment, an application event, a state or an action. Fields it does not know (a probe's verdict, an
 * import's {@code assumed}) and records that are no event (a detection, a story, a type added later)
 * are passed over, as format {@value EventLog#FORMAT} tells readers to.
 */
final class LogLine {
    /** The fields an event is made of, by their names in the log. */
    private enum Field {
        T("t"), CONN("conn"), TYPE("type"), DIR("dir"), FLAGS("flags"), SEQ("seq"), ACK("ack"), LEN("len"),
        WINDOW("window"), KIND("kind"), DROPPED("dropped"), INFERRED("inferred"), SIDE("side"), EVENT("event"),
        BYTES("bytes"), MESSAGE("message"), STATE("state"), PROBES("probes"), ORPHAN("orphan"), ACTION("action"),
        ARGS("args");

        private static final Map<String, Field> BY_NAME = Arrays.stream(values())
                .collect(Collectors.toMap(f -> f.name, f -> f));
        private final String name;

        Field(String name) {
            this.name = name;
        }
    }

    /** A known field whose value is an object or an array: no event's field is. */
    private static final Object NESTED = new Object();
    private static final long UINT32_MAX = 0xffff_ffffL;

    private final Object[] values = new Object[Field.values().length];

    /** Reads the object the parser is at the start of, to its end. */
    void read(JsonParser json) {
        Arrays.fill(values, null);
        while (json.nextToken() == JsonToken.PROPERTY_NAME) {
            var field = Field.BY_NAME.get(json.currentName());
            var token = json.nextToken();
            Object value = switch (token) {
                case VALUE_STRING -> json.getString();
                case VALUE_NUMBER_INT -> json.getLongValue();
                case VALUE_TRUE, VALUE_FALSE -> json.getBooleanValue();
                case VALUE_NULL -> null;
                default -> {
                    json.skipChildren();
                    yield NESTED;
                }
            };
            if (field != null) {
                values[field.ordinal()] = value;
            }
        }
    }

    /**
     * The event the line holds; empty for a record that is no event.
     *
     * @throws IllegalArgumentException naming the field that is missing or wrong, and what it may be
     */
    Optional<Event> event() {
        if (!(values[Field.TYPE.ordinal()] instanceof String type)) {
            throw new IllegalArgumentException("the record has no \"type\"");
        }
        if (!Stream.of("segment", "app", "state", "action").anyMatch(type::equals)) {
            return Optional.empty();
        }
        long t = number(type, Field.T, Long.MIN_VALUE, Long.MAX_VALUE);
        int conn = (int) number(type, Field.CONN, 0, Integer.MAX_VALUE);
        return Optional.of(switch (type) {
            case "segment" -> new SegmentEvent(t, conn, direction(), flags(), number(type, Field.SEQ, 0, UINT32_MAX),
                    number(type, Field.ACK, 0, UINT32_MAX), (int) number(type, Field.LEN, 0, Integer.MAX_VALUE),
                    (int) number(type, Field.WINDOW, 0, 0xffff), named(type, Field.KIND, SegmentKind.values()),
                    bool(type, Field.DROPPED), optionalBool(type, Field.INFERRED));
            case "app" -> new AppEvent(t, conn, side(type), named(type, Field.EVENT, AppEventType.values()),
                    values[Field.BYTES.ordinal()] == null ? 0 : (int) number(type, Field.BYTES, Integer.MIN_VALUE,
                            Integer.MAX_VALUE), values[Field.MESSAGE.ordinal()] == null ? null : text(type, Field.MESSAGE));
            case "state" -> new StateEvent(t, conn, side(type), named(type, Field.STATE, TcpState.values()),
                    (int) number(type, Field.PROBES, 0, Integer.MAX_VALUE), bool(type, Field.ORPHAN),
                    optionalBool(type, Field.INFERRED));
            default -> new ActionEvent(t, conn, action());
        });
    }

    private Direction direction() {
        String label = text("segment", Field.DIR);
        return Arrays.stream(Direction.values()).filter(d -> d.label().equals(label)).findFirst()
                .orElseThrow(() -> wrong("segment", Field.DIR, "'" + label + "'", "c2s or s2c"));
    }

    private int flags() {
        try {
            return TcpFlags.parse(text("segment", Field.FLAGS));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a segment's \"flags\": " + e.getMessage(), e);
        }
    }

    private Side side(String type) {
        String label = text(type, Field.SIDE);
        return Arrays.stream(Side.values()).filter(s -> s.label().equals(label)).findFirst()
                .orElseThrow(() -> wrong(type, Field.SIDE, "'" + label + "'", "client or server"));
    }

    /** An action in the words a script's step has, read back by the same parser ({@link ScriptStep#journaled}). */
    private Action action() {
        String verb = text("action", Field.ACTION);
        String args = values[Field.ARGS.ordinal()] == null ? "" : text("action", Field.ARGS);
        try {
            return ScriptStep.journaled(verb, args);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the action '" + (verb + " " + args).strip() + "' is not one the lab "
                    + "makes (" + e.getMessage() + ")", e);
        }
    }

    private String text(String type, Field field) {
        if (!(values[field.ordinal()] instanceof String text)) {
            throw wrong(type, field, describe(values[field.ordinal()]), "a string");
        }
        return text;
    }

    private long number(String type, Field field, long min, long max) {
        if (!(values[field.ordinal()] instanceof Long n) || n < min || n > max) {
            throw wrong(type, field, describe(values[field.ordinal()]),
                    "a whole number" + (min == Long.MIN_VALUE ? "" : ", " + min + ".." + max));
        }
        return n;
    }

    private boolean bool(String type, Field field) {
        if (!(values[field.ordinal()] instanceof Boolean b)) {
            throw wrong(type, field, describe(values[field.ordinal()]), "true or false");
        }
        return b;
    }

    /** A flag the log writes only when true. */
    private boolean optionalBool(String type, Field field) {
        return values[field.ordinal()] != null && bool(type, field);
    }

    private <E extends Enum<E>> E named(String type, Field field, E[] constants) {
        String name = text(type, field);
        return Arrays.stream(constants).filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> wrong(type, field, "'" + name + "'", "one of " + Arrays.stream(constants)
                        .map(Enum::name).collect(Collectors.joining(", "))));
    }

    private static String describe(Object value) {
        return value == null ? "missing" : value == NESTED ? "an object or array" : value instanceof String s ? "'" + s + "'"
                : String.valueOf(value);
    }

    private static IllegalArgumentException wrong(String type, Field field, String found, String allowed) {
        String article = type.equals("app") || type.equals("action") ? "an " : "a ";
        String what = article + (type.equals("app") ? "application event" : type) + "'s \"" + field.name + "\"";
        return new IllegalArgumentException(found.equals("missing") ? what + " is missing (it is " + allowed + ")"
                : what + " is " + found + ", not " + allowed);
    }
}
