package org.keepalivelab.lab;

import org.keepalivelab.capture.ConnectionDirectory;
import org.keepalivelab.capture.TcpSegment;
import org.keepalivelab.model.Direction;

/** The lab's connections as the capture asks about them, from the capture's own thread. */
final class CaptureDirectory implements ConnectionDirectory {
    private final int serverPort;
    private final Connections connections;

    /** @param connections the lab's connections, each known by its client port before its client's SYN */
    CaptureDirectory(int serverPort, Connections connections) {
        this.serverPort = serverPort;
        this.connections = connections;
    }

    @Override
    public int serverPort() {
        return serverPort;
    }

    @Override
    public int connectionOf(int clientPort) {
        return connections.numberOf(clientPort);
    }

    @Override
    public boolean dropped(int conn, Direction dir, long t, int tcpFlags) {
        return connections.get(conn).droppedAt(dir, t, tcpFlags);
    }

    @Override
    public void crossed(int conn, Direction dir, long t, TcpSegment segment, boolean dropped) {
        connections.get(conn).crossed(dir, t, segment, dropped);
    }

    @Override
    public long bytesWritten(int conn, Direction dir) {
        return connections.get(conn).bytesWritten(dir);
    }
}
