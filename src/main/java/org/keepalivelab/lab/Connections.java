package org.keepalivelab.lab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The lab's connections, numbered from 1 in order of connection, and which client port is whose: the
 * capture asks that of every packet ({@link CaptureDirectory}, on its own thread), and the server's
 * accept of every channel. Added to and accepted on the lab's loop; read from any thread.
 */
final class Connections {
    /** Connection number by client port, 0 for none: no boxing, no hashing on the capture's every packet. */
    private final AtomicIntegerArray byClientPort = new AtomicIntegerArray(65_536);
    private final List<Connection> connections = new CopyOnWriteArrayList<>();

    /** The number the next connection gets. */
    int nextNumber() {
        return connections.size() + 1;
    }

    /** Takes in {@code conn}, numbered {@link #nextNumber()}, before its client's SYN so that the capture knows it. */
    void add(Connection conn) {
        connections.add(conn);
        byClientPort.set(conn.clientPort, conn.id);
    }

    /** The connection whose client has {@code clientPort}, or 0 when none of the lab's has. */
    int numberOf(int clientPort) {
        return byClientPort.get(clientPort);
    }

    /** Connection {@code conn}, a number this lab gave. */
    Connection get(int conn) {
        return connections.get(conn - 1);
    }

    /**
     * Connection {@code conn}, as a user names it.
     *
     * @throws LabException when the lab has no such connection
     */
    Connection named(int conn) {
        if (conn < 1 || conn > connections.size()) {
            throw new LabException("There is no connection " + conn + ".");
        }
        return get(conn);
    }

    /** Every connection, in order of connection; iterating it sees the connections of one moment. */
    List<Connection> all() {
        return Collections.unmodifiableList(connections);
    }

    /** Each connection as last sampled, in order of connection. */
    List<ConnectionStatus> statuses() {
        var statuses = new ArrayList<ConnectionStatus>(connections.size());
        connections.forEach(c -> statuses.add(c.status()));
        return statuses;
    }

    /** True once every connection's server application has seen its connection end, as last published. */
    boolean allServersEnded() {
        return connections.stream().allMatch(c -> c.status().serverEnded());
    }

    /** Hands every channel waiting on {@code server} to its connection, as a burst of clients must not wait a round each. */
    void acceptAll(ServerSocketChannel server) throws IOException {
        for (var channel = server.accept(); channel != null; channel = server.accept()) {
            int id = numberOf(((InetSocketAddress) channel.getRemoteAddress()).getPort());
            if (id == 0) {
                channel.close(); // not one of ours
            } else {
                get(id).accepted(channel);
            }
        }
    }

    /** Closes every socket the connections' applications hold, as the lab closes; on its loop. */
    void shutdown() throws IOException {
        for (var conn : connections) {
            conn.shutdown();
        }
    }
}
