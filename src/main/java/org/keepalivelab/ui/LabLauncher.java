package org.keepalivelab.ui;

import org.keepalivelab.lab.Isolation;
import org.keepalivelab.lab.LabSettings;

/**
 * Opens the window directly, without the command line (scripts/screenshot uses it). With
 * {@code -Dkeepalivelab.demo=kill} it runs the screenshot demo's settings and clicks.
 */
public final class LabLauncher {
    private LabLauncher() {
    }

    public static void main(String[] args) {
        LabApp.launch(DemoDriver.settings().orElse(LabSettings.seed()), Isolation.HOST);
    }
}
