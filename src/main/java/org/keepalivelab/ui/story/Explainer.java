package org.keepalivelab.ui.story;

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
import java.util.function.Supplier;
import org.keepalivelab.explain.ConnectionFacts;
import org.keepalivelab.explain.Explanation;
import org.keepalivelab.explain.LabFacts;
import org.keepalivelab.lab.ConnectionStatus;
import org.keepalivelab.linux.KernelSettings;
import org.keepalivelab.model.Timeline;

/**
 * Explains a connection off the FX thread, on a thread of its own ({@value #THREAD}): a request names
 * the connection (a live one as last sampled, {@link #ofLab}; one of a capture by its number);
 * requests that come faster than one per {@link #MIN_GAP_NANOS} are coalesced into the latest, so
 * however often the events change, the rules run at most four times a second. The facts are gathered
 * on that thread (for the lab, {@link LabFacts}, with the kernel's settings the lab last published), and the
 * explanation handed back through {@code deliver} (in the window, {@code Platform::runLater}).
 *
 * @param <R> what a request names the connection by
 */
public final class Explainer<R> implements AutoCloseable {
    public static final String THREAD = "ui-explain";
    /** A quarter of a second: a story that keeps up with the run, at a bounded cost. */
    static final long MIN_GAP_NANOS = 250_000_000L;

    private final Function<R, ConnectionFacts> facts;
    private final Function<ConnectionFacts, Explanation> rules;
    private final Executor deliver;
    private final Consumer<Explanation> explained;
    private final Consumer<RuntimeException> failed;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        var thread = new Thread(r, THREAD);
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<R> pending = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile long lastRun = Long.MIN_VALUE / 2;

    /**
     * @param facts     gathers a request's facts, on the explainer's thread
     * @param rules     {@code Explanation::of}; a test's own
     * @param deliver   where the results are handed over (the FX thread)
     * @param explained takes each explanation there
     * @param failed    takes a failure of the rules there
     */
    public Explainer(Function<R, ConnectionFacts> facts, Function<ConnectionFacts, Explanation> rules,
                     Executor deliver, Consumer<Explanation> explained, Consumer<RuntimeException> failed) {
        this.facts = facts;
        this.rules = rules;
        this.deliver = deliver;
        this.explained = explained;
        this.failed = failed;
    }

    /**
     * Explains the lab's live connections: a request is a connection as last sampled, its facts its
     * events on {@code timeline}, its settings and that status, and the kernel's settings in force, made at
     * the lab's time now.
     *
     * @param clock          the lab's time, ns: what the explanation is made at
     * @param labConnections how many connections the lab has: how often it samples each
     * @param kernel         the kernel's settings as the lab last published them ({@code LabKernel::latest}),
     *                       asked at each run: a sysctl the Lab kernel card set is in the next story
     */
    public static Explainer<ConnectionStatus> ofLab(Timeline timeline, LongSupplier clock, IntSupplier labConnections,
                                                    Supplier<KernelSettings> kernel,
                                                    Function<ConnectionFacts, Explanation> rules, Executor deliver,
                                                    Consumer<Explanation> explained, Consumer<RuntimeException> failed) {
        var labFacts = new LabFacts(timeline); // its index kept up to date, on the explainer's thread only
        return new Explainer<>(status -> labFacts.live(status, labConnections.getAsInt(), kernel.get(), clock.getAsLong()),
                rules, deliver, explained, failed);
    }

    /** Asks for {@code request}'s connection's explanation, at most {@link #MIN_GAP_NANOS} after the last one; any thread. */
    public void request(R request) {
        pending.set(request);
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
        var request = pending.getAndSet(null);
        if (request == null) {
            return;
        }
        lastRun = System.nanoTime();
        try {
            var explanation = rules.apply(facts.apply(request));
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
