package org.keepalivelab.ui;

import org.keepalivelab.linux.KernelSettings;

/**
 * The kernel defaults a setting of 0 stands for: {@code net.ipv4.tcp_keepalive_probes} (keep-alive
 * count) and {@code net.ipv4.tcp_fin_timeout} (orphan lifetime). Read once, off the FX thread
 * ({@link #load()} from {@code Application.init}); Linux's own defaults where /proc cannot be read.
 */
public record KernelDefaults(int keepaliveProbes, int finTimeoutSeconds) {
    public static final KernelDefaults LINUX = new KernelDefaults(9, 60);
    private static volatile KernelDefaults current;

    /** Reads the defaults (once); cheap afterwards. */
    public static KernelDefaults load() {
        var defaults = current;
        if (defaults == null) {
            var kernel = KernelSettings.read();
            defaults = new KernelDefaults(orLinux(kernel.keepaliveProbes(), LINUX.keepaliveProbes),
                    orLinux(kernel.finTimeout(), LINUX.finTimeoutSeconds));
            current = defaults;
        }
        return defaults;
    }

    private static int orLinux(int read, int linux) {
        return read > 0 ? read : linux;
    }
}
