package org.keepalivelab.ui.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.keepalivelab.lab.ConnectionStatus;
import org.keepalivelab.lab.KeepaliveSettings;
import org.keepalivelab.lab.LabSettings;
import org.keepalivelab.lab.SocketSettings;

/** Settings in words, for lane titles, the status line and the PNG export's caption. */
public final class SettingsText {
    private SettingsText() {
    }

    /** "keep-alive 5/5/9 (count: kernel)", "keep-alive 5/5 (count: the system's)" or "keep-alive off". */
    public static String keepalive(KeepaliveSettings k, KernelDefaults defaults) {
        if (!k.enabled()) {
            return "keep-alive off";
        }
        String timers = "keep-alive " + k.idle() + "/" + k.interval();
        if (k.count() != KeepaliveSettings.KERNEL_DEFAULT_COUNT) {
            return timers + "/" + k.count();
        }
        return defaults.keepaliveProbes() == KernelDefaults.UNKNOWN ? timers + " (count: the system's)"
                : timers + "/" + defaults.keepaliveProbes() + " (count: kernel)";
    }

    public static String socket(SocketSettings s, KernelDefaults defaults) {
        return keepalive(s.keepalive(), defaults)
                + (s.userTimeoutMillis() == 0 ? "" : " · TCP_USER_TIMEOUT " + s.userTimeoutMillis() + " ms");
    }

    public static String orphan(LabSettings s, KernelDefaults defaults) {
        if (s.orphanLifetimeSeconds() != LabSettings.KERNEL_DEFAULT_ORPHAN_LIFETIME) {
            return "orphan " + s.orphanLifetimeSeconds() + " s";
        }
        return defaults.finTimeoutSeconds() == KernelDefaults.UNKNOWN ? "orphan: the system's"
                : "orphan " + defaults.finTimeoutSeconds() + " s (kernel)";
    }

    /**
     * Each connection's lane title, its label (if it has one) before its settings, worded once and kept
     * while the kernel defaults stay as they were: a connection keeps the settings it was opened with, but
     * a count or orphan lifetime left to the kernel is the kernel's in force (a sysctl applies to every
     * socket that sets no value of its own), so new defaults word them all again. The renderer asks for every
     * visible lane's title on every frame. {@code connections} is in order of connection, numbered from 1, as
     * the lab gives it. FX thread.
     */
    public static IntFunction<String> laneTitles(Supplier<List<ConnectionStatus>> connections,
                                                 Supplier<KernelDefaults> defaults) {
        return new LaneTitles(connections, defaults);
    }

    private static final class LaneTitles implements IntFunction<String> {
        private final Supplier<List<ConnectionStatus>> connections;
        private final Supplier<KernelDefaults> defaults;
        private final List<String> titles = new ArrayList<>();
        private KernelDefaults wordedBy;

        LaneTitles(Supplier<List<ConnectionStatus>> connections, Supplier<KernelDefaults> defaults) {
            this.connections = connections;
            this.defaults = defaults;
        }

        @Override
        public String apply(int conn) {
            var now = defaults.get();
            if (!now.equals(wordedBy)) {
                titles.clear();
                wordedBy = now;
            }
            if (conn > titles.size()) {
                var all = connections.get();
                for (int i = titles.size(); i < Math.min(conn, all.size()); i++) {
                    var status = all.get(i);
                    String settings = lane(status.settings(), now);
                    titles.add(status.label().isEmpty() ? settings : status.label() + " · " + settings);
                }
            }
            return conn <= titles.size() ? titles.get(conn - 1) : "";
        }
    }

    /** The server's orphan lifetime where it is set, which most runs leave to the kernel: " · orphan 4 s". */
    private static String serverOrphan(LabSettings s) {
        return s.serverOrphanLifetimeSeconds() == LabSettings.KERNEL_DEFAULT_ORPHAN_LIFETIME ? ""
                : " · orphan " + s.serverOrphanLifetimeSeconds() + " s";
    }

    /** One line for a lane's title. */
    public static String lane(LabSettings s, KernelDefaults defaults) {
        return "server: " + socket(s.server(), defaults) + " · " + s.serverPolicy().label() + serverOrphan(s)
                + "    client: " + socket(s.client(), defaults) + " · " + orphan(s, defaults);
    }

    /** The whole of it, for the export's caption. */
    public static String full(LabSettings s, KernelDefaults defaults) {
        return "server " + socket(s.server(), defaults) + ", " + s.serverPolicy().label() + " ("
                + s.serverPolicy().description() + "); client " + socket(s.client(), defaults) + ", "
                + orphan(s, defaults).replace("orphan", "orphan lifetime");
    }
}
