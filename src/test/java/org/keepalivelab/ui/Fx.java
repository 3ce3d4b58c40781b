package org.keepalivelab.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;

/** Asks the scene graph from a test thread: the answer is read on the FX thread, where it lives. */
final class Fx {

    private Fx() {
    }

    /** Runs {@code query} on the FX thread and returns its answer. */
    static <T> T onFx(Supplier<T> query) {
        if (Platform.isFxApplicationThread()) {
            return query.get();
        }
        var result = new CompletableFuture<T>();
        Platform.runLater(() -> {
            try {
                result.complete(query.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX query failed", e);
        }
    }
}
