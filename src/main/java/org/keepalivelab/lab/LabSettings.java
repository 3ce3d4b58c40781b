package org.keepalivelab.lab;

/**
 * Everything that shapes a new connection. A connection keeps the settings it was made with.
 *
 * @param orphanLifetimeSeconds the client's {@code TCP_LINGER2}: how long its socket lives in FIN_WAIT2
 *                              once the application is gone; {@link #KERNEL_DEFAULT_ORPHAN_LIFETIME}
 *                              leaves {@code net.ipv4.tcp_fin_timeout} (60 s)
 */
public record LabSettings(ServerPolicy serverPolicy, SocketSettings server, SocketSettings client,
                          int orphanLifetimeSeconds) {
    public static final Range ORPHAN_LIFETIME = new Range("orphan lifetime", 1, 120, "s");
    public static final int KERNEL_DEFAULT_ORPHAN_LIFETIME = 0;

    public LabSettings {
        if (orphanLifetimeSeconds != KERNEL_DEFAULT_ORPHAN_LIFETIME) {
            ORPHAN_LIFETIME.check(orphanLifetimeSeconds);
        }
    }

    /**
     * The seed scenario (docs/architecture.md, "The seed scenario"): a Go 1.12 server with {@code SetKeepAlivePeriod(5s)} (idle and
     * interval 5 s, the kernel's count) that reads once; a client without keepalive.
     */
    public static LabSettings seed() {
        return new LabSettings(ServerPolicy.READ_ONCE,
                new SocketSettings(KeepaliveSettings.of(5, 5, KeepaliveSettings.KERNEL_DEFAULT_COUNT), 0),
                SocketSettings.DEFAULT, KERNEL_DEFAULT_ORPHAN_LIFETIME);
    }

    public LabSettings withServerPolicy(ServerPolicy policy) {
        return new LabSettings(policy, server, client, orphanLifetimeSeconds);
    }

    public LabSettings withServer(SocketSettings settings) {
        return new LabSettings(serverPolicy, settings, client, orphanLifetimeSeconds);
    }

    public LabSettings withClient(SocketSettings settings) {
        return new LabSettings(serverPolicy, server, settings, orphanLifetimeSeconds);
    }

    public LabSettings withOrphanLifetime(int seconds) {
        return new LabSettings(serverPolicy, server, client, seconds);
    }
}
