package org.keepalivelab.ui.capture;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.keepalivelab.explain.ConnectionFacts;
import org.keepalivelab.explain.Explanation;
import org.keepalivelab.ui.timeline.DetectionWords;

/**
 * Fills the Detection of every connection of an opened capture, in the background, on a thread of its
 * own ({@value #THREAD}): connection after connection, its facts read (its own events, through the
 * capture's index), the story's rules run, its detections worded as the story's brackets word them
 * ({@link #words}), the facts dropped before the next: one connection's events on the heap at a time.
 * What it has made is handed over through {@code deliver} (the FX thread) in batches, at most every
 * {@link #BATCH_NANOS}, not a task per row; the FX thread only puts the words in their rows.
 *
 * <p>{@link #close} stops it before its next connection (the one under way, at most
 * {@code CaptureFacts.MOST_EVENTS} events, is finished and dropped), and a batch delivered after the
 * close is not handed on. The selected connection's story does not wait for it: the story panel's
 * {@code ui-explain} thread explains that one itself.
 */
public final class CaptureDetections implements AutoCloseable {
    public static final String THREAD = "capture-detections";
    /** A tenth of a second: the rows fill as one watches, and the FX thread gets ten small tasks a second at most. */
    static final long BATCH_NANOS = 100_000_000L;

    /**
     * One connection's Detection: its detections' labels, "" when the story finds none, or why it could
     * not be explained ("not explained: more than 1,000,000 events").
     */
    public record Filled(int conn, String words) {
    }

    private final List<Integer> connections;
    private final IntFunction<ConnectionFacts> facts;
    private final Function<ConnectionFacts, Explanation> rules;
    private final Executor deliver;
    private final Consumer<List<Filled>> filled;
    private final Thread thread;
    private volatile boolean closed;

    private CaptureDetections(List<Integer> connections, IntFunction<ConnectionFacts> facts,
                              Function<ConnectionFacts, Explanation> rules, Executor deliver, Consumer<List<Filled>> filled) {
        this.connections = List.copyOf(connections);
        this.facts = facts;
        this.rules = rules;
        this.deliver = deliver;
        this.filled = filled;
        this.thread = Thread.ofPlatform().name(THREAD).daemon().unstarted(this::fill);
    }

    /**
     * Starts explaining {@code connections}, in that order; returns at once.
     *
     * @param facts   a connection's facts, on this thread ({@link OpenedCapture#facts})
     * @param rules   the story's rules ({@code Explanation::of}, or a test's own): the same words as its story
     * @param deliver where the batches are handed over ({@code Platform::runLater})
     * @param filled  takes each batch there, in connection order
     */
    public static CaptureDetections start(List<Integer> connections, IntFunction<ConnectionFacts> facts,
                                          Function<ConnectionFacts, Explanation> rules, Executor deliver,
                                          Consumer<List<Filled>> filled) {
        var detections = new CaptureDetections(connections, facts, rules, deliver, filled);
        detections.thread.start();
        return detections;
    }

    /** The Detection column's words for an explanation's detections: each bracket's label, "" for none. */
    public static String words(Explanation explanation) {
        return String.join("; ", explanation.detections().stream().map(DetectionWords::label).toList());
    }

    private void fill() {
        var batch = new ArrayList<Filled>();
        long posted = System.nanoTime();
        for (int conn : connections) {
            if (closed) {
                return;
            }
            batch.add(new Filled(conn, explained(conn)));
            if (System.nanoTime() - posted >= BATCH_NANOS) {
                post(batch);
                batch = new ArrayList<>();
                posted = System.nanoTime();
            }
        }
        if (!batch.isEmpty()) {
            post(batch);
        }
    }

    /** Connection {@code conn}'s words, or why it has none: a failure of one connection stops none of the others. */
    private String explained(int conn) {
        try {
            return words(rules.apply(facts.apply(conn)));
        } catch (CaptureFacts.TooManyEvents e) {
            return "not explained: " + CaptureFacts.TooManyEvents.brief();
        } catch (RuntimeException e) {
            return "not explained: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private void post(List<Filled> batch) {
        deliver.execute(() -> {
            if (!closed) {
                filled.accept(batch);
            }
        });
    }

    /** Stops before the next connection; what is delivered from now on is dropped. Any thread. */
    @Override
    public void close() {
        closed = true;
    }

    /** Waits up to {@code timeout} for the thread to end (every connection explained, or closed); true if it has. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return thread.join(timeout);
    }
}
