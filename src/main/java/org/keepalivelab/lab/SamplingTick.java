package org.keepalivelab.lab;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import org.keepalivelab.linux.ProcNetTcp;

/**
 * The lab loop's periodic tick: samples every connection's sockets each {@link #PERIOD_NANOS} for up to
 * a hundred connections, proportionally less often beyond, so a thousand connections cost the loop what
 * a hundred do; reads the kernel's socket table for them when it is due.
 */
public final class SamplingTick implements Runnable {
    /** How often the kernel's view of every socket is sampled, up to a hundred connections. */
    public static final long PERIOD_NANOS = 20_000_000;
    private static final int CONNECTIONS_PER_TICK = 100;
    /**
     * How many ticks between reads of the kernel's socket table for its timers ({@code TCP_INFO} has
     * none); it is read every tick while a socket the applications let go of still lives in the kernel.
     */
    private static final int SOCKET_TABLE_EVERY = 10;

    private final List<Connection> connections;
    private final KernelView view;
    private final int serverPort;
    private final Consumer<String> onFailure;
    private long ticks;

    /**
     * @param connections the lab's connections, in order of connection
     * @param onFailure   takes what went wrong, worded for the lab's loop failure; the tick goes on
     */
    SamplingTick(List<Connection> connections, KernelView view, int serverPort, Consumer<String> onFailure) {
        this.connections = connections;
        this.view = view;
        this.serverPort = serverPort;
        this.onFailure = onFailure;
    }

    /**
     * How long apart one connection's samples are when the lab has {@code connections}: what a state
     * the lab found says about when it began (at most this long before it was found).
     */
    public static long periodNanos(int connections) {
        return PERIOD_NANOS * (1 + connections / CONNECTIONS_PER_TICK);
    }

    @Override
    public void run() {
        if (connections.isEmpty() || ++ticks % (1 + connections.size() / CONNECTIONS_PER_TICK) != 0) {
            return;
        }
        boolean tableDue = view != KernelView.NONE && (ticks % SOCKET_TABLE_EVERY == 0
                || connections.stream().anyMatch(Connection::needsSocketTable));
        ProcNetTcp.Table table = null;
        if (tableDue) {
            try {
                table = ProcNetTcp.withPort(serverPort);
            } catch (IOException e) {
                onFailure.accept("Reading the kernel's socket table failed: " + e.getMessage());
            }
        }
        for (var conn : connections) {
            sample(conn, table);
        }
    }

    /** One connection's sample; a failure is recorded and the next connection is sampled all the same. */
    private void sample(Connection conn, ProcNetTcp.Table table) {
        try {
            conn.sample(table);
        } catch (IOException e) {
            onFailure.accept("Sampling connection " + conn.id + " failed: " + e.getMessage());
        }
    }
}
