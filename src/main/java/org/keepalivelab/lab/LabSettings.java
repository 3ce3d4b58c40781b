package org.keepalivelab.lab;

/**
 * Everything that shapes a new connection. A connection keeps the settings it was made with.
 *
 * @param orphanLifetimeSeconds       the client's {@code TCP_LINGER2}: how long its socket lives in
 *                                    FIN_WAIT2 once the application is gone;
 *                                    {@link #KERNEL_DEFAULT_ORPHAN_LIFETIME} leaves
 *                                    {@code net.ipv4.tcp_fin_timeout} (60 s)
 * @param serverOrphanLifetimeSeconds the same for the server's socket, which becomes an orphan in
 *                                    FIN_WAIT2 when the server application closes first or is killed
 */
public record LabSettings(ServerPolicy serverPolicy, SocketSettings server, SocketSettings client,
                          int orphanLifetimeSeconds, int serverOrphanLifetimeSeconds) {
    /**
     * {@code TCP_LINGER2}'s range: the kernel caps it at {@code TCP_FIN_TIMEOUT_MAX}, 120 s
     * (include/net/tcp.h; net/ipv4/tcp.c, do_tcp_setsockopt).
     */
    public static final Range ORPHAN_LIFETIME = new Range("orphan lifetime", 1, 120, "s");
    public static final int KERNEL_DEFAULT_ORPHAN_LIFETIME = 0;

    public LabSettings {
        checkOrphanLifetime(orphanLifetimeSeconds);
        checkOrphanLifetime(serverOrphanLifetimeSeconds);
    }

    private static void checkOrphanLifetime(int seconds) {
        if (seconds != KERNEL_DEFAULT_ORPHAN_LIFETIME) {
            ORPHAN_LIFETIME.check(seconds);
        }
    }

    /** An orphan lifetime as the command line writes it: seconds in {@link #ORPHAN_LIFETIME}, or 0 for the kernel's. */
    public static int parseOrphanLifetime(String text) {
        if (text.strip().equals(String.valueOf(KERNEL_DEFAULT_ORPHAN_LIFETIME))) {
            return KERNEL_DEFAULT_ORPHAN_LIFETIME;
        }
        try {
            return ORPHAN_LIFETIME.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (or 0: the kernel's tcp_fin_timeout)");
        }
    }

    /**
     * The seed scenario (docs/architecture.md, "The seed scenario"): a Go 1.12 server with {@code SetKeepAlivePeriod(5s)} (idle and
     * interval 5 s, the kernel's count) that reads once; a client without keepalive.
     */
    public static LabSettings seed() {
        return new LabSettings(ServerPolicy.READ_ONCE,
                new SocketSettings(KeepaliveSettings.of(5, 5, KeepaliveSettings.KERNEL_DEFAULT_COUNT), 0),
                SocketSettings.DEFAULT, KERNEL_DEFAULT_ORPHAN_LIFETIME, KERNEL_DEFAULT_ORPHAN_LIFETIME);
    }

    public LabSettings withServerPolicy(ServerPolicy policy) {
        return new LabSettings(policy, server, client, orphanLifetimeSeconds, serverOrphanLifetimeSeconds);
    }

    public LabSettings withServer(SocketSettings settings) {
        return new LabSettings(serverPolicy, settings, client, orphanLifetimeSeconds, serverOrphanLifetimeSeconds);
    }

    public LabSettings withClient(SocketSettings settings) {
        return new LabSettings(serverPolicy, server, settings, orphanLifetimeSeconds, serverOrphanLifetimeSeconds);
    }

    /** The client's orphan lifetime. */
    public LabSettings withOrphanLifetime(int seconds) {
        return new LabSettings(serverPolicy, server, client, seconds, serverOrphanLifetimeSeconds);
    }

    public LabSettings withServerOrphanLifetime(int seconds) {
        return new LabSettings(serverPolicy, server, client, orphanLifetimeSeconds, seconds);
    }
}
