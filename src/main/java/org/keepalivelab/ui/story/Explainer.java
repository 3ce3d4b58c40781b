package org.keepalivelab.ui.story;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.keepalivelab.explain.ConnectionFacts;
import org.keepalivelab.explain.Explanation;
import org.keepalivelab.explain.LabFacts;
import org.keepalivelab.lab.ConnectionStatus;
import org.keepalivelab.linux.KernelSettings;
import org.keepalivelab.model.Timeline;

/**
 * Explains a live connection off the FX thread, on a thread of its own ({@value #THREAD}): a request
 * names the connection as last sampled; requests that come faster than one per {@link #MIN_GAP_NANOS}
 * are coalesced into the latest, so however often the events change, the rules run at most four times
 * a second. The facts are gathered on that thread ({@link LabFacts}), the kernel's settings read there
 * once, and the explanation handed back through {@code deliver} (in the window, {@code Platform::runLater}).
 */
public final class Explainer implements AutoCloseable {
    public static final String THREAD = "ui-explain";
    /** A quarter of a second: a story that keeps up with the run, at a bounded cost. */
    static final long MIN_GAP_NANOS = 250_000_000L;

    private final Timeline timeline;
    private final LongSupplier clock;
    private final IntSupplier labConnections;
    private final Function<ConnectionFacts, Explanation> rules;
    private final Executor deliver;
    private final Consumer<Explanation> explained;
    private final Consumer<RuntimeException> failed;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        var thread = new Thread(r, THREAD);
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<ConnectionStatus> pending = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile long lastRun = Long.MIN_VALUE / 2;
    private KernelSettings kernel; // the worker's

    /**
     * @param clock          the lab's time, ns: what the explanation is made at
     * @param labConnections how many connections the lab has: how often it samples each
     * @param rules     {@code Explanation::of}; a test's own
     * @param deliver   where the results are handed over (the FX thread)
     * @param explained takes each explanation there
     * @param failed    takes a failure of the rules there
     */
    public Explainer(Timeline timeline, LongSupplier clock, IntSupplier labConnections, Function<ConnectionFacts, Explanation> rules,
                     Executor deliver, Consumer<Explanation> explained, Consumer<RuntimeException> failed) {
        this.timeline = timeline;
        this.clock = clock;
        this.labConnections = labConnections;
        this.rules = rules;
        this.deliver = deliver;
        this.explained = explained;
        this.failed = failed;
    }

    /** Asks for {@code status}'s connection's explanation, at most {@link #MIN_GAP_NANOS} after the last one; any thread. */
    public void request(ConnectionStatus status) {
        pending.set(status);
        if (scheduled.compareAndSet(false, true)) {
            long wait = Math.max(0, lastRun + MIN_GAP_NANOS - System.nanoTime());
            try {
                worker.schedule(this::run, wait, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closed) {
                scheduled.set(false); // closed with the window: nothing more to explain
            }
        }
    }

    private void run() {
        scheduled.set(false); // a request from now on schedules the next run
        var status = pending.getAndSet(null);
        if (status == null) {
            return;
        }
        lastRun = System.nanoTime();
        try {
            if (kernel == null) {
                kernel = KernelSettings.read();
            }
            var facts = LabFacts.of(timeline, List.of(status), labConnections.getAsInt(), kernel, true,
                    clock.getAsLong()).getFirst();
            var explanation = rules.apply(facts);
            deliver.execute(() -> explained.accept(explanation));
        } catch (RuntimeException e) {
            deliver.execute(() -> failed.accept(e));
        }
    }

    /** Stops: a run under way finishes, none starts. */
    @Override
    public void close() {
        worker.shutdownNow();
    }
}
