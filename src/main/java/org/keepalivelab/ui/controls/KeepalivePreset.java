package org.keepalivelab.ui.controls;

import org.keepalivelab.lab.KeepaliveSettings;

/** Keep-alive settings people recognise (DESIGN.md 4.8), idle/interval/count; count 0 = the kernel's. */
public enum KeepalivePreset {
    LINUX_DEFAULTS("Linux defaults (7200/75/9)", true, 7200, 75, 9),
    GO_1_12_PERIOD("Go 1.12 SetKeepAlivePeriod(5s) (5/5/kernel)", true, 5, 5, 0),
    GO_1_13_DEFAULT("Go ≥ 1.13 default (15/15/kernel)", true, 15, 15, 0),
    GO_1_23_CONFIG("Go 1.23 KeepAliveConfig (15/15/9)", true, 15, 15, 9),
    FAST_DEMO("Fast demo (2/1/3)", true, 2, 1, 3),
    OFF("Keep-alive off", false, 7200, 75, 9);

    private final String label;
    private final KeepaliveSettings settings;

    KeepalivePreset(String label, boolean enabled, int idle, int interval, int count) {
        this.label = label;
        this.settings = new KeepaliveSettings(enabled, idle, interval, count);
    }

    public KeepaliveSettings settings() {
        return settings;
    }

    /** The preset with exactly these settings, or {@code null} (custom). */
    public static KeepalivePreset matching(KeepaliveSettings s) {
        if (!s.enabled()) {
            return OFF;
        }
        for (var preset : values()) {
            if (preset.settings.equals(s)) {
                return preset;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return label;
    }
}
