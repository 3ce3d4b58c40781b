package org.keepalivelab.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The one thread that owns every lab socket: it waits for readiness, runs the tasks other threads
 * submit and the timers it was asked for, and calls a periodic tick. Keeping all socket work on one thread means a descriptor is never
 * read (for {@code TCP_INFO}) by one thread while another closes it.
 */
final class EventLoop implements AutoCloseable {
    /** What a registered channel does when it is ready; the key's attachment. */
    @FunctionalInterface
    interface Handler {
        void ready(SelectionKey key) throws IOException;
    }

    /** What the loop runs later: a timer's task, or one posted by another thread. */
    @FunctionalInterface
    interface LoopTask {
        void run() throws IOException;
    }

    /** A task due at a {@link System#nanoTime()}; {@link #cancel()} keeps it from running. Loop thread only. */
    static final class Timer {
        private final long due;
        private final LoopTask task;
        private boolean cancelled;

        private Timer(long due, LoopTask task) {
            this.due = due;
            this.task = task;
        }

        void cancel() {
            cancelled = true;
        }
    }

    private final Selector selector;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    /** Soonest first; the loop's own. */
    private final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) -> Long.compare(a.due - b.due, 0));
    private final long tickNanos;
    private final Runnable tick;
    private final Consumer<Throwable> onError;
    private final Thread thread;
    private volatile boolean running = true;

    EventLoop(String name, long tickNanos, Runnable tick, Consumer<Throwable> onError) throws IOException {
        this.selector = Selector.open();
        this.tickNanos = tickNanos;
        this.tick = tick;
        this.onError = onError;
        this.thread = Thread.ofPlatform().name(name).daemon().start(this::run);
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Runs {@code task} on the loop and completes with its result, or with what it threw. */
    <T> CompletableFuture<T> submit(Callable<T> task) {
        var result = new CompletableFuture<T>();
        if (!running) {
            result.completeExceptionally(new LabException("The lab is closed."));
            return result;
        }
        tasks.add(() -> {
            try {
                result.complete(task.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        selector.wakeup();
        return result;
    }

    /**
     * Runs {@code task} on the loop, from any thread, with no result to wait for: what it throws goes
     * where the loop's own failures go.
     */
    void post(LoopTask task) {
        tasks.add(() -> runReporting(task));
        selector.wakeup();
    }

    /** Registers a channel (on the loop thread). */
    SelectionKey register(SelectableChannel channel, int ops, Handler handler) throws IOException {
        assert inLoop();
        channel.configureBlocking(false);
        return channel.register(selector, ops, handler);
    }

    /**
     * Runs {@code task} on the loop once {@code delayNanos} have passed: at the first wake-up after
     * that, within the selector's millisecond timeout and the scheduler's latency (on the loop thread).
     */
    Timer schedule(long delayNanos, LoopTask task) {
        assert inLoop();
        var timer = new Timer(System.nanoTime() + Math.max(0, delayNanos), task);
        timers.add(timer);
        return timer;
    }

    /**
     * Closes a channel at once, as the kernel closes a dead process's descriptors: no shutdown first.
     * A channel still registered with a selector only closes when the selector lets go of it (and
     * meanwhile Java shuts its output down), so the key is cancelled and flushed out first.
     */
    void closeNow(SelectableChannel channel, SelectionKey key) throws IOException {
        assert inLoop();
        if (key != null) {
            key.cancel();
            selector.selectNow(); // deregisters the cancelled key
        }
        channel.close();
    }

    private void run() {
        long nextTick = System.nanoTime();
        while (running) {
            try {
                long wake = timers.isEmpty() || nextTick - timers.peek().due < 0 ? nextTick : timers.peek().due;
                long wait = wake - System.nanoTime();
                if (wait > 0) {
                    selector.select(Math.ceilDiv(wait, 1_000_000)); // rounded up: rounded down, it would wake early and spin
                } else {
                    selector.selectNow();
                }
                // A handler that closes a socket selects again (closeNow), which changes the selected set:
                // the round runs over a copy, then forgets what that added, as its ready flags are stale
                // by then (the selector reports a socket that is still ready again).
                var ready = List.copyOf(selector.selectedKeys());
                for (var key : ready) {
                    dispatch(key);
                }
                selector.selectedKeys().clear();
                for (Runnable task; (task = tasks.poll()) != null; ) {
                    task.run();
                }
                runDueTimers();
                if (System.nanoTime() - nextTick >= 0) {
                    nextTick = System.nanoTime() + tickNanos;
                    tick.run();
                }
            } catch (IOException | RuntimeException e) {
                onError.accept(e);
            }
        }
    }

    private void runDueTimers() {
        long now = System.nanoTime();
        while (!timers.isEmpty() && timers.peek().due - now <= 0) {
            var timer = timers.poll();
            if (!timer.cancelled) {
                runReporting(timer.task);
            }
        }
    }

    private void runReporting(LoopTask task) {
        try {
            task.run();
        } catch (IOException | RuntimeException e) {
            onError.accept(e);
        }
    }

    private void dispatch(SelectionKey key) {
        try {
            if (key.isValid()) {
                ((Handler) key.attachment()).ready(key);
            }
        } catch (CancelledKeyException e) {
            // closed by an earlier handler in this round
        } catch (IOException e) {
            onError.accept(e);
        }
    }

    /** Stops the loop after the tasks already submitted, and waits for its thread to end. */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        var done = submit(() -> {
            running = false;
            return null;
        });
        done.join();
        try {
            thread.join();
            selector.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
