package org.keepalivelab.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.keepalivelab.model.Timeline;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads an event log ({@link EventLog}, format {@value EventLog#FORMAT}) back: every event onto a
 * timeline, in the order of the log (time order), and the header's facts ({@link LoggedRun}). Streamed
 * through Jackson's parser, as {@link EventLog} streams through its generator: one line's fields at a
 * time on the heap, however long the log; the events go off the heap onto the timeline.
 *
 * <p>Unknown fields and record types are passed over. A header that is not one is refused; a line
 * after it that makes no sense ends the reading there, the events before it kept, with one sentence
 * naming the file, the line and what is wrong ({@link LoggedRun#problem()}).
 */
public final class EventLogReader {
    private static final JsonFactory JSON = new JsonFactory();

    /** The log is not one the lab can read: {@link #getMessage()} says where and why in one sentence. */
    public static final class BadLogException extends IOException {
        BadLogException(String sentence, Throwable cause) {
            super(sentence, cause);
        }
    }

    private EventLogReader() {
    }

    /** Reads {@code file} onto {@code timeline}. */
    public static LoggedRun read(Path file, Timeline timeline) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return read(file.toString(), in, timeline, events -> { });
        }
    }

    /**
     * Reads the log in {@code in} onto {@code timeline}; the caller closes the stream.
     *
     * @param name     what the sentences call the file
     * @param progress told the count of events read, every 4,096
     * @throws BadLogException when the first line is not a format-{@value EventLog#FORMAT} header
     * @throws IOException     when the stream cannot be read
     */
    public static LoggedRun read(String name, InputStream in, Timeline timeline, IntConsumer progress)
            throws IOException {
        var line = new LogLine();
        try (var json = JSON.createParser(ObjectReadContext.empty(), in)) {
            LogHeader header;
            try {
                if (json.nextToken() != JsonToken.START_OBJECT) {
                    throw new IllegalArgumentException(json.currentToken() == null ? "the file is empty"
                            : "the first line is not a JSON object");
                }
                header = new LogHeader(json);
            } catch (JacksonIOException e) {
                throw e;
            } catch (JacksonException e) {
                throw new BadLogException(sentence(name, lineOf(e, 1), e.getOriginalMessage()), e);
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new BadLogException(sentence(name, 1, e.getMessage()), e);
            }
            int events = 0;
            long lastT = 0;
            Optional<String> problem = Optional.empty();
            int at = 1; // the line the latest record starts on
            boolean inRecord = false;
            try {
                while (json.nextToken() != null) {
                    at = json.currentTokenLocation().getLineNr();
                    if (json.currentToken() != JsonToken.START_OBJECT) {
                        throw new IllegalArgumentException("it is not a JSON object");
                    }
                    inRecord = true;
                    line.read(json);
                    inRecord = false;
                    var event = line.event();
                    if (event.isPresent()) {
                        timeline.append(event.get());
                        lastT = events == 0 ? event.get().t() : Math.max(lastT, event.get().t());
                        if (++events % 4096 == 0) {
                            progress.accept(events);
                        }
                    }
                }
            } catch (JacksonIOException e) {
                throw e;
            } catch (JacksonException e) {
                int where = lineOf(e, at);
                // A record that runs on past its line is that line's fault, whatever the parser met after it.
                problem = Optional.of(!inRecord || where == at ? sentence(name, where, e.getOriginalMessage())
                        : sentence(name, at, "the record does not end on its line (" + e.getOriginalMessage() + ")"));
            } catch (IllegalArgumentException e) {
                problem = Optional.of(sentence(name, at, e.getMessage()));
            }
            progress.accept(events);
            return new LoggedRun(header.source, header.startEpochNanos, header.serverAddress, header.serverPort,
                    header.kernel, header.connections, events, lastT, problem);
        } catch (JacksonIOException e) {
            throw e.getCause(); // the stream failed (or was stopped): no line of the log is at fault
        }
    }

    private static int lineOf(JacksonException e, int otherwise) {
        return e.getLocation() != null && e.getLocation().getLineNr() > 0 ? e.getLocation().getLineNr() : otherwise;
    }

    /** "events.jsonl, line 7: a segment's "kind" is 'FOO', not one of …." */
    private static String sentence(String name, int line, String what) {
        String text = what.strip();
        return name + ", line " + line + ": " + text + (text.endsWith(".") ? "" : ".");
    }
}
