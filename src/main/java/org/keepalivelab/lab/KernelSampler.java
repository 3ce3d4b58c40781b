package org.keepalivelab.lab;

import java.io.IOException;
import org.keepalivelab.linux.KernelTimer;
import org.keepalivelab.linux.ProcNetTcp;
import org.keepalivelab.linux.TcpInfo;
import org.keepalivelab.linux.TcpSocket;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.TcpState;

/**
 * The kernel's view of one side's socket, sample by sample: {@code TCP_INFO} while the application
 * holds the descriptor, the kernel's socket table once it let go (an orphan, TIME_WAIT), once the
 * connection moved to a timewait socket while it still holds it, and for the timer the kernel has
 * armed, which {@code TCP_INFO} does not show. Each change of state, probe count
 * or ownership goes on the timeline.
 */
final class KernelSampler {
    private final int conn;
    private final Side side;
    private final int localPort;
    private final int remotePort;
    private final Journal journal;
    private final boolean inferProbes;
    private SideStatus last = SideStatus.UNKNOWN;
    /** The held descriptor's connection lives on in a timewait socket (its TCP_INFO says CLOSE). */
    private boolean handedOver;

    /**
     * @param inferProbes record a keep-alive probe, marked inferred, whenever the probe count rises: for a
     *                    lab that does not capture the probes themselves ({@link KernelView#SAMPLED})
     */
    KernelSampler(int conn, Side side, int localPort, int remotePort, Journal journal, boolean inferProbes) {
        this.conn = conn;
        this.side = side;
        this.localPort = localPort;
        this.remotePort = remotePort;
        this.journal = journal;
        this.inferProbes = inferProbes;
    }

    /** The latest sample, {@link SideStatus#UNKNOWN} before the first. */
    SideStatus last() {
        return last;
    }

    /**
     * True while only the kernel's socket table can say what this socket does: the application let go of
     * it (an orphan), or it still holds a descriptor whose connection the kernel handed to a timewait
     * socket; until the socket is gone.
     *
     * @param held the application still holds the descriptor
     */
    boolean needsTable(boolean held) {
        return last.state() != TcpState.CLOSED && (!held || handedOver);
    }

    /**
     * Samples the socket once.
     *
     * @param socket the descriptor the application holds, or {@code null} once it let go
     * @param table  the kernel's socket table, or {@code null} when it was not read this time
     */
    void sample(TcpSocket socket, ProcNetTcp.Table table) throws IOException {
        var entry = table == null ? null : table.find(localPort, remotePort);
        TcpState state;
        int probes;
        boolean orphan = socket == null;
        if (socket != null) {
            TcpInfo info = socket.tcpInfo();
            state = info.state();
            probes = info.probes();
            if (state == TcpState.CLOSED && last.state() != TcpState.CLOSED) {
                // A connection that reaches TIME_WAIT (or an orphan-like FIN_WAIT2) moves to a timewait
                // socket of its own, and the socket the descriptor still names is CLOSE
                // (tcp_time_wait, net/ipv4/tcp_minisocks.c; tcp_done): only the socket table, which
                // lists timewait sockets, says it lives on.
                if (table == null) {
                    table = ProcNetTcp.withPort(localPort);
                    entry = table.find(localPort, remotePort);
                }
                handedOver = entry != null;
                if (handedOver) {
                    state = entry.state();
                    probes = entry.probes();
                }
            }
        } else if (entry != null) {
            state = entry.state();
            probes = entry.probes();
        } else {
            state = TcpState.CLOSED;
            probes = 0;
        }
        long sampledAt = journal.now();
        KernelTimer timer;
        long timerMillis;
        if (table != null) {
            timer = entry == null ? KernelTimer.NONE : entry.timer();
            timerMillis = entry == null ? 0 : entry.timerMillis();
        } else { // the table is read less often: count the last reading down
            timer = last.timer();
            timerMillis = Math.max(0, last.timerMillis() - (sampledAt - last.sampledAt()) / 1_000_000);
        }
        if (state != last.state() || probes != last.probes() || orphan != last.orphan()) {
            journal.state(conn, side, state, probes, orphan);
        }
        if (inferProbes) {
            // An answered probe resets the count within microseconds, unseen by a 20 ms sample: only
            // unanswered probes, and the one that drew a RST, show up here.
            for (int sent = last.probes(); sent < probes; sent++) {
                journal.inferredKeepalive(conn, Direction.sentBy(side));
            }
        }
        last = new SideStatus(state, probes, orphan, timer, timerMillis, sampledAt);
    }
}
