package org.keepalivelab.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keepalivelab.export.EventLogReader;
import org.keepalivelab.model.Timeline;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads an {@code events.jsonl} written by another process back into the lab's events (by the lab's
 * own reader, {@link EventLogReader}), so the tests of a headless run ask the
 * same {@link Transcript} questions as the in-process tests; and its header's values as a map.
 */
final class HeadlessLog {
    private static final JsonFactory JSON = new JsonFactory();

    /** The header's values (objects as maps, arrays left out), and the events as a transcript. */
    record Log(Map<String, Object> header, Transcript transcript) {
    }

    private HeadlessLog() {
    }

    static Log read(Path file) {
        Map<String, Object> header;
        try (var json = JSON.createParser(ObjectReadContext.empty(), file)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new AssertionError(file + " does not start with the lab's header");
            }
            header = readObject(json);
        }
        var timeline = new Timeline();
        try {
            var run = EventLogReader.read(file, timeline);
            run.problem().ifPresent(problem -> {
                throw new AssertionError(problem);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var events = List.copyOf(timeline.snapshot());
        return new Log(header, new Transcript(events, events, null));
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
}
