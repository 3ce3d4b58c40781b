package org.keepalivelab.ui.connections;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.keepalivelab.model.AppEvent;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.Timeline;

/**
 * How each connection ended for its server application, in a word or two ("server EOF", "timed out",
 * "reset"), read from the lab's timeline as it grows: each {@link #pull} reads only the events appended
 * since the last, and skips segments, the bulk of them, without making a record of each. FX thread.
 */
final class ServerOutcomes {
    private final Timeline timeline;
    /** By connection number - 1; null while the server has seen no end. */
    private final List<String> outcomes = new ArrayList<>();
    private int read;

    ServerOutcomes(Timeline timeline) {
        this.timeline = timeline;
    }

    /** Reads what is new on the timeline. */
    void pull() {
        int size = timeline.size();
        for (int i = read; i < size; i++) {
            if (!timeline.isSegment(i) && timeline.get(i) instanceof AppEvent app && app.side() == Side.SERVER
                    && outcome(app.conn()) == null) {
                var words = words(app);
                if (words != null) {
                    while (outcomes.size() < app.conn()) {
                        outcomes.add(null);
                    }
                    outcomes.set(app.conn() - 1, words);
                }
            }
        }
        read = size;
    }

    /** How connection {@code conn} ended for its server, or null if it has not (as far as pulled). */
    String outcome(int conn) {
        return conn <= outcomes.size() ? outcomes.get(conn - 1) : null;
    }

    /** The first event that ends the server's connection, in words; null for any other. */
    static String words(AppEvent app) {
        return switch (app.event()) {
            case EOF -> "server EOF";
            case ERROR -> errorWords(app.message());
            case CLOSED -> "server closed";
            case CONNECTED, READ, WRITE -> null;
        };
    }

    /** Java's words for the usual errors, shortened: "Connection timed out" is "timed out". */
    private static String errorWords(String message) {
        if (message == null || message.isBlank()) {
            return "server error";
        }
        String lower = message.toLowerCase(Locale.ROOT);
        return lower.contains("timed out") ? "timed out" : lower.contains("reset") ? "reset" : message;
    }
}
