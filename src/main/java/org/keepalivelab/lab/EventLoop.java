package org.keepalivelab.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The one thread that owns every lab socket: it waits for readiness, runs the tasks other threads
 * submit, and calls a periodic tick. Keeping all socket work on one thread means a descriptor is never
 * read (for {@code TCP_INFO}) by one thread while another closes it.
 */
final class EventLoop implements AutoCloseable {
    /** What a registered channel does when it is ready; the key's attachment. */
    @FunctionalInterface
    interface Handler {
        void ready(SelectionKey key) throws IOException;
    }

    private final Selector selector;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
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

    /** Registers a channel (on the loop thread). */
    SelectionKey register(SelectableChannel channel, int ops, Handler handler) throws IOException {
        assert inLoop();
        channel.configureBlocking(false);
        return channel.register(selector, ops, handler);
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
                long wait = Math.max(1, (nextTick - System.nanoTime()) / 1_000_000);
                selector.select(wait);
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
                if (System.nanoTime() - nextTick >= 0) {
                    nextTick = System.nanoTime() + tickNanos;
                    tick.run();
                }
            } catch (IOException | RuntimeException e) {
                onError.accept(e);
            }
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
