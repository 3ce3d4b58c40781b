package org.keepalivelab.ui.desktop;

import java.nio.file.Path;

/**
 * Keepalive Lab's own folder of the user's settings, as the XDG Base Directory specification places it:
 * {@code $XDG_CONFIG_HOME/keepalive-lab/}, or {@code ~/.config/keepalive-lab/} where that variable is
 * unset, empty or relative (the specification says to ignore a relative one). The window's placement and
 * the export's last folder each keep a small file there.
 */
public final class ConfigDirectory {
    private static final String APP_DIRECTORY = "keepalive-lab";

    private ConfigDirectory() {
    }

    /** The current user's. */
    public static Path ofUser() {
        return of(System.getenv("XDG_CONFIG_HOME"), System.getProperty("user.home"));
    }

    /** The folder under {@code xdgConfigHome}, or under {@code home}'s {@code .config}. */
    public static Path of(String xdgConfigHome, String home) {
        return configHome(xdgConfigHome, home).resolve(APP_DIRECTORY);
    }

    /** The user's folder of every program's settings: {@code xdgConfigHome}, or {@code home}'s {@code .config}. */
    public static Path configHome(String xdgConfigHome, String home) {
        return xdgConfigHome == null || xdgConfigHome.isEmpty() || !Path.of(xdgConfigHome).isAbsolute()
                ? Path.of(home, ".config") : Path.of(xdgConfigHome);
    }
}
