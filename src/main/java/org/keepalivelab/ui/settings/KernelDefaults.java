package org.keepalivelab.ui.settings;

import org.keepalivelab.linux.KernelSettings;

/**
 * The kernel defaults a setting of 0 stands for: {@code net.ipv4.tcp_keepalive_probes} (keep-alive
 * count) and {@code net.ipv4.tcp_fin_timeout} (orphan lifetime), or {@link #UNKNOWN} where they cannot
 * be read (off Linux). Read once, off the FX thread ({@link #load()} from {@code Application.init}).
 */
public record KernelDefaults(int keepaliveProbes, int finTimeoutSeconds) {
    public static final int UNKNOWN = -1;
    private static volatile KernelDefaults current;

    /** Reads the defaults (once); cheap afterwards. */
    public static KernelDefaults load() {
        var defaults = current;
        if (defaults == null) {
            var kernel = KernelSettings.read();
            defaults = new KernelDefaults(orUnknown(kernel.keepaliveProbes()), orUnknown(kernel.finTimeout()));
            current = defaults;
        }
        return defaults;
    }

    private static int orUnknown(int read) {
        return read > 0 ? read : UNKNOWN;
    }

    /** The default keep-alive count in words: "kernel default, 9", or "the system's default". */
    public String keepaliveProbesText() {
        return keepaliveProbes == UNKNOWN ? "the system's default" : "kernel default, " + keepaliveProbes;
    }

    /** The default orphan lifetime in words: "kernel default, 60 s", or "the system's default". */
    public String finTimeoutText() {
        return finTimeoutSeconds == UNKNOWN ? "the system's default" : "kernel default, " + finTimeoutSeconds + " s";
    }
}
