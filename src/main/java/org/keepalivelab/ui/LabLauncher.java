package org.keepalivelab.ui;

import org.keepalivelab.lab.LabSettings;
import org.keepalivelab.lab.Startup;

/**
 * Opens the window directly, without the command line (scripts/screenshot uses it). With
 * {@code -Dkeepalivelab.demo=kill} it runs the screenshot demo's settings and clicks.
 */
public final class LabLauncher {
    private LabLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        // No namespace of its own (the screenshots run as root), but off Linux the other systems' path.
        var startup = Startup.decide(false);
        if (!(startup instanceof Startup.Here(var isolation))) {
            throw new IllegalStateException("Without a namespace the lab runs here, not " + startup);
        }
        LabApp.launch(DemoDriver.settings().orElse(LabSettings.seed()), isolation);
    }
}
