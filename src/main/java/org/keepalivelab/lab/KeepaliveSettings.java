package org.keepalivelab.lab;

/**
 * One socket's keepalive: {@code SO_KEEPALIVE} and the three kernel timers
 * ({@code TCP_KEEPIDLE}, {@code TCP_KEEPINTVL}, {@code TCP_KEEPCNT}).
 *
 * @param idle     seconds of silence before the first probe
 * @param interval seconds between unanswered probes
 * @param count    unanswered probes before the kernel gives up, or {@link #KERNEL_DEFAULT_COUNT} to
 *                 leave the kernel's default ({@code net.ipv4.tcp_keepalive_probes}, 9)
 */
public record KeepaliveSettings(boolean enabled, int idle, int interval, int count) {
    /** Ranges from the kernel ({@code include/net/tcp.h}: {@code MAX_TCP_KEEPIDLE} and friends). */
    public static final Range IDLE = new Range("keepalive idle", 1, 32767, "s");
    public static final Range INTERVAL = new Range("keepalive interval", 1, 32767, "s");
    public static final Range COUNT = new Range("keepalive count", 1, 127, "");
    public static final int KERNEL_DEFAULT_COUNT = 0;

    public static final KeepaliveSettings OFF = new KeepaliveSettings(false, 7200, 75, 9);

    public KeepaliveSettings {
        IDLE.check(idle);
        INTERVAL.check(interval);
        if (count != KERNEL_DEFAULT_COUNT) {
            COUNT.check(count);
        }
    }

    /** Keepalive on with these timers. */
    public static KeepaliveSettings of(int idle, int interval, int count) {
        return new KeepaliveSettings(true, idle, interval, count);
    }

    /**
     * Parses the command line's form: {@code off}, or {@code IDLE,INTERVAL[,COUNT]} in seconds (no count:
     * the kernel's default).
     */
    public static KeepaliveSettings parse(String text) {
        if (text.equalsIgnoreCase("off")) {
            return OFF;
        }
        String[] parts = text.split(",", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("keepalive must be 'off' or IDLE,INTERVAL[,COUNT] in seconds, not '"
                    + text + "'");
        }
        try {
            return of(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()),
                    parts.length == 3 ? Integer.parseInt(parts[2].strip()) : KERNEL_DEFAULT_COUNT);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("keepalive must be 'off' or IDLE,INTERVAL[,COUNT] in whole seconds, not '"
                    + text + "'");
        }
    }

    /** The command line's form, {@code off} or {@code 5,5} / {@code 1,1,3}. */
    @Override
    public String toString() {
        return !enabled ? "off" : idle + "," + interval + (count == KERNEL_DEFAULT_COUNT ? "" : "," + count);
    }
}
