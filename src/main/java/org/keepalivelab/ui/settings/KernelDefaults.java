package org.keepalivelab.ui.settings;

import org.keepalivelab.linux.KernelSettings;

/**
 * The kernel defaults a setting of 0 stands for: {@code net.ipv4.tcp_keepalive_probes} (keep-alive
 * count) and {@code net.ipv4.tcp_fin_timeout} (orphan lifetime), or {@link #UNKNOWN} where they cannot
 * be read (off Linux). Made from the kernel's settings as read elsewhere, never by reading them here: for
 * the window, those its lab last published ({@code lab.LabKernel.latest()}), so they follow the Lab kernel
 * card and a scenario's fresh lab; for a saved run, those its event log gives.
 */
public record KernelDefaults(int keepaliveProbes, int finTimeoutSeconds) {
    public static final int UNKNOWN = -1;
    /** A capture's: nothing of its kernel is known. */
    public static final KernelDefaults NONE = new KernelDefaults(UNKNOWN, UNKNOWN);

    /** The defaults of {@code kernel}; a value it could not read (-1) is {@link #UNKNOWN}. */
    public static KernelDefaults of(KernelSettings kernel) {
        return new KernelDefaults(orUnknown(kernel.keepaliveProbes()), orUnknown(kernel.finTimeout()));
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
