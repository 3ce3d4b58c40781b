package org.keepalivelab.lab;

/**
 * How one side configures its socket.
 *
 * @param userTimeoutMillis {@code TCP_USER_TIMEOUT}: how long sent data (or probes) may go
 *                          unacknowledged before the kernel gives up; 0 leaves the kernel's rules
 */
public record SocketSettings(KeepaliveSettings keepalive, int userTimeoutMillis) {
    public static final Range USER_TIMEOUT = new Range("TCP_USER_TIMEOUT", 0, Integer.MAX_VALUE, "ms");

    public static final SocketSettings DEFAULT = new SocketSettings(KeepaliveSettings.OFF, 0);

    public SocketSettings {
        USER_TIMEOUT.check(userTimeoutMillis);
    }

    public SocketSettings withKeepalive(KeepaliveSettings keepalive) {
        return new SocketSettings(keepalive, userTimeoutMillis);
    }

    public SocketSettings withUserTimeout(int millis) {
        return new SocketSettings(keepalive, millis);
    }
}
