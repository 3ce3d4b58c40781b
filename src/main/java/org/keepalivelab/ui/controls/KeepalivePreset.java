package org.keepalivelab.ui.controls;

import org.keepalivelab.lab.KeepaliveSettings;

/**
 * Keep-alive settings people recognise, idle/interval/count; count 0 = the kernel's. Each names where
 * its numbers come from (also in docs/architecture.md, "Keep-alive presets").
 */
public enum KeepalivePreset {
    /** The kernel's {@code TCP_KEEPALIVE_TIME}, {@code _INTVL} and {@code _PROBES} ({@code include/net/tcp.h}). */
    LINUX_DEFAULTS("Linux defaults", true, 7200, 75, 9),
    /** Go 1.12's {@code setKeepAlivePeriod} sets idle and interval, not the count ({@code src/net/tcpsockopt_unix.go}). */
    GO_1_12_PERIOD("Go 1.12 SetKeepAlivePeriod(5s)", true, 5, 5, 0),
    /** Go's {@code defaultTCPKeepAlive} of 15 s ({@code src/net/dial.go}), on accepted connections since 1.13. */
    GO_1_13_DEFAULT("Go ≥ 1.13 default", true, 15, 15, 0),
    /** Go 1.23's {@code defaultTCPKeepAliveIdle}, {@code Interval} and {@code Count} ({@code src/net/dial.go}). */
    GO_1_23_CONFIG("Go 1.23 KeepAliveConfig", true, 15, 15, 9),
    /** The lab's own: a detection in seconds. */
    FAST_DEMO("Fast demo", true, 2, 1, 3),
    OFF("Keep-alive off", false, 7200, 75, 9);

    private final String name;
    private final KeepaliveSettings settings;

    KeepalivePreset(String name, boolean enabled, int idle, int interval, int count) {
        this.name = name;
        this.settings = new KeepaliveSettings(enabled, idle, interval, count);
    }

    public KeepaliveSettings settings() {
        return settings;
    }

    /** The preset's name alone, "Linux defaults": what fits the settings column. */
    public String shortName() {
        return name;
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

    /** The name with its values: "Linux defaults (7200/75/9)", "Go ≥ 1.13 default (15/15/kernel)". */
    @Override
    public String toString() {
        if (!settings.enabled()) {
            return name;
        }
        String count = settings.count() == KeepaliveSettings.KERNEL_DEFAULT_COUNT ? "kernel" : String.valueOf(settings.count());
        return name + " (" + settings.idle() + "/" + settings.interval() + "/" + count + ")";
    }
}
