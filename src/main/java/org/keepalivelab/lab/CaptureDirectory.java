package org.keepalivelab.lab;

import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.keepalivelab.capture.ConnectionDirectory;
import org.keepalivelab.capture.TcpSegment;
import org.keepalivelab.model.Direction;

/** The lab's connections as the capture asks about them, from the capture's own thread. */
final class CaptureDirectory implements ConnectionDirectory {
    private final int serverPort;
    private final AtomicIntegerArray connByClientPort;
    private final List<Connection> connections;

    /**
     * @param connByClientPort connection number by client port (0 for none), set before each client's SYN
     * @param connections      the lab's connections, in order of connection: number {@code n} at {@code n - 1}
     */
    CaptureDirectory(int serverPort, AtomicIntegerArray connByClientPort, List<Connection> connections) {
        this.serverPort = serverPort;
        this.connByClientPort = connByClientPort;
        this.connections = connections;
    }

    @Override
    public int serverPort() {
        return serverPort;
    }

    @Override
    public int connectionOf(int clientPort) {
        return connByClientPort.get(clientPort);
    }

    @Override
    public boolean dropped(int conn, Direction dir, long t, int tcpFlags) {
        return connections.get(conn - 1).droppedAt(dir, t, tcpFlags);
    }

    @Override
    public void crossed(int conn, Direction dir, long t, TcpSegment segment, boolean dropped) {
        connections.get(conn - 1).crossed(dir, t, segment, dropped);
    }

    @Override
    public long bytesWritten(int conn, Direction dir) {
        return connections.get(conn - 1).bytesWritten(dir);
    }
}
