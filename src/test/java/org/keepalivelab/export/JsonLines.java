package org.keepalivelab.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/** Reads a JSON Lines file as a script would: each line an object of names to values (maps, lists, null kept). */
final class JsonLines {
    private static final JsonFactory JSON = new JsonFactory();

    private JsonLines() {
    }

    static List<Map<String, Object>> read(Path file) {
        var lines = new ArrayList<Map<String, Object>>();
        try (var json = JSON.createParser(ObjectReadContext.empty(), file)) {
            while (json.nextToken() == JsonToken.START_OBJECT) {
                lines.add(object(json));
            }
        }
        return lines;
    }

    private static Map<String, Object> object(JsonParser json) {
        var fields = new LinkedHashMap<String, Object>();
        while (json.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = json.currentName();
            json.nextToken();
            fields.put(name, value(json));
        }
        return fields;
    }

    private static Object value(JsonParser json) {
        return switch (json.currentToken()) {
            case START_OBJECT -> object(json);
            case START_ARRAY -> {
                var list = new ArrayList<Object>();
                while (json.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(json));
                }
                yield list;
            }
            case VALUE_STRING -> json.getString();
            case VALUE_NUMBER_INT -> json.getLongValue();
            case VALUE_NUMBER_FLOAT -> json.getDoubleValue();
            case VALUE_TRUE, VALUE_FALSE -> json.getBooleanValue();
            case VALUE_NULL -> null;
            default -> throw new AssertionError("unexpected " + json.currentToken());
        };
    }
}
