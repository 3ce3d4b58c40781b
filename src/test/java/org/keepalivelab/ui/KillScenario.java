package org.keepalivelab.ui;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.keepalivelab.lab.KeepaliveSettings;
import org.keepalivelab.lab.LabSettings;
import org.keepalivelab.lab.ServerPolicy;
import org.keepalivelab.lab.SocketSettings;

/** Short kernel settings for the seed's kill scenario, so a test ends in seconds. */
final class KillScenario {
    /** Server keep-alive 1/1/3, read-once; client orphan lives 2 s. */
    static final LabSettings SETTINGS = new LabSettings(ServerPolicy.READ_ONCE,
            new SocketSettings(KeepaliveSettings.of(1, 1, 3), 0), SocketSettings.DEFAULT, 2,
            LabSettings.KERNEL_DEFAULT_ORPHAN_LIFETIME);

    private KillScenario() {
    }

    /** Waits until {@code condition} holds, failing after {@code timeout}. */
    static void await(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
