package org.keepalivelab.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
            defaults = new KernelDefaults(read("tcp_keepalive_probes", LINUX.keepaliveProbes),
                    read("tcp_fin_timeout", LINUX.finTimeoutSeconds));
            current = defaults;
        }
        return defaults;
    }

    private static int read(String name, int fallback) {
        try {
            return Integer.parseInt(Files.readString(Path.of("/proc/sys/net/ipv4", name)).strip());
        } catch (IOException | RuntimeException e) {
            return fallback;
        }
    }
}
