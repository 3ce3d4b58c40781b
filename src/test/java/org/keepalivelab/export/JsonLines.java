package org.keepalivelab.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
                lines.add(LogHeader.object(json)); // the lab's own reader of a header line, for every line
            }
        }
        return lines;
    }
}
