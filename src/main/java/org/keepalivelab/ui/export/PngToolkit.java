package org.keepalivelab.ui.export;

import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;

/** Starts JavaFX without a display, for PNG export from the command line. */
public final class PngToolkit {
    private static boolean started;

    private PngToolkit() {
    }

    /**
     * Starts the FX toolkit on JavaFX's Headless platform with software rendering, unless it already
     * runs (then does nothing more). Blocks until it is up. Call before {@link PngExport#write} from the CLI.
     */
    public static synchronized void startHeadless() {
        if (started) {
            return;
        }
        System.setProperty("glass.platform", "Headless");
        System.setProperty("prism.order", "sw");
        var up = new CountDownLatch(1);
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException alreadyRunning) {
            up.countDown();
        }
        Platform.setImplicitExit(false);
        try {
            up.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting JavaFX.", e);
        }
        started = true;
    }

    /** Ends the FX toolkit that {@link #startHeadless()} started, so the JVM can exit. */
    public static synchronized void stop() {
        if (started) {
            Platform.exit();
            started = false;
        }
    }
}
