package org.keepalivelab.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keepalivelab.model.TcpState;

/**
 * The kernel's table of TCP sockets in this network namespace ({@code /proc/net/tcp} and
 * {@code tcp6}), which also lists sockets no process holds any more (orphans, TIME_WAIT) and the timer
 * each socket has armed: what {@code ss -tno} shows. Needs no privilege.
 */
public final class ProcNetTcp {
    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    /** {@code /proc} reports timer expiry in clock ticks of {@code USER_HZ}, 100 per second on Linux. */
    private static final int MILLIS_PER_TICK = 10;

    /**
     * One socket.
     *
     * @param timerMillis milliseconds until {@code timer} fires
     * @param probes      {@code icsk_probes_out}: unanswered keepalive or zero-window probes
     */
    public record Entry(int localPort, int remotePort, TcpState state, KernelTimer timer, long timerMillis,
                        int probes) {
    }

    private ProcNetTcp() {
    }

    /** The sockets of one read of the table, found by their ports. */
    public record Table(Map<Integer, Entry> byPorts) {
        /** The socket from {@code localPort} to {@code remotePort}, or {@code null} when the kernel has none. */
        public Entry find(int localPort, int remotePort) {
            return byPorts.get(localPort << 16 | remotePort);
        }
    }

    /** Every socket whose local or remote port is {@code port}, over IPv4 and IPv6. */
    public static Table withPort(int port) throws IOException {
        var entries = new HashMap<Integer, Entry>();
        // Addresses print as HEXADDR:PORT and a space follows each: a cheap test before a full parse,
        // which matters on a machine with thousands of other sockets.
        String portField = String.format(":%04X ", port);
        for (var table : TABLES) {
            if (!Files.exists(table)) {
                continue; // a kernel without IPv6
            }
            try (var lines = Files.lines(table)) {
                lines.skip(1).filter(line -> line.contains(portField)).map(ProcNetTcp::parse)
                        .filter(e -> e.localPort == port || e.remotePort == port)
                        .forEach(e -> entries.put(e.localPort << 16 | e.remotePort, e));
            }
        }
        return new Table(entries);
    }

    /** Parses one line: {@code sl local rem st tx:rx tr:when retrnsmt uid timeout inode ...}. */
    static Entry parse(String line) {
        String[] f = line.trim().split("\\s+");
        String[] timer = f[5].split(":");
        return new Entry(
                port(f[1]),
                port(f[2]),
                TcpState.ofKernel(Integer.parseInt(f[3], 16)),
                KernelTimer.ofProc(Integer.parseInt(timer[0], 16)),
                Long.parseUnsignedLong(timer[1], 16) * MILLIS_PER_TICK,
                Integer.parseInt(f[8]));
    }

    private static int port(String addressAndPort) {
        return Integer.parseInt(addressAndPort.substring(addressAndPort.indexOf(':') + 1), 16);
    }
}
