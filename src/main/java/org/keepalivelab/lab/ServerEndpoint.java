package org.keepalivelab.lab;

import static java.nio.channels.SelectionKey.OP_READ;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import org.keepalivelab.linux.ProcNetTcp;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.TcpState;

/**
 * The server application's end, from the moment it accepts the connection: it reads as the lab's
 * {@link ServerPolicy} says, writes when the user replies, and lets go of its socket as {@link Endpoint}
 * does (close, kill, abort) when the user says so.
 */
final class ServerEndpoint extends Endpoint {
    /** How its reads go: READING; HOLDING, a read-once server that stopped; DRAINING, its reads after the kernel closed. */
    private enum Reads { READING, HOLDING, DRAINING, ENDED }

    private final ServerPolicy policy;
    private final SocketSettings socketSettings;
    private final int orphanLifetimeSeconds;
    private Reads reads = Reads.READING;

    ServerEndpoint(Context context, int serverPort, int clientPort, LabSettings settings) {
        super(context, Side.SERVER, serverPort, clientPort);
        this.policy = settings.serverPolicy();
        this.socketSettings = settings.server();
        this.orphanLifetimeSeconds = settings.serverOrphanLifetimeSeconds();
    }

    /** The server application accepted the connection. */
    void accepted(SocketChannel channel) throws IOException {
        hold(channel, (InetSocketAddress) channel.getRemoteAddress(), socketSettings, orphanLifetimeSeconds);
        register(OP_READ);
        opened();
        app(AppEventType.CONNECTED);
    }

    /** The server application has seen its connection end, or let go of it. */
    boolean ended() {
        return reads == Reads.ENDED || holding() == Holding.GONE;
    }

    /**
     * After the first message a read-once server stops reading. Off Linux nothing tells the lab when the
     * kernel ends the connection, so a held server goes on watching its socket and makes its next read
     * as soon as the socket is readable (data, EOF or an error).
     */
    @Override
    protected void onRead() {
        if (policy == ServerPolicy.READ_ONCE && reads == Reads.READING) {
            reads = Reads.HOLDING;
            if (view != KernelView.NONE) {
                stopReading();
            }
        }
    }

    @Override
    protected void onEnd(boolean eof) throws IOException {
        reads = Reads.ENDED;
        if (policy == ServerPolicy.READ_CLOSE) {
            closed();
        } else {
            stopReading();
        }
    }

    /** Samples, then drains a server that stopped reading once the kernel has closed its socket. */
    @Override
    void sample(ProcNetTcp.Table table) throws IOException {
        super.sample(table);
        if (reads == Reads.HOLDING && holding() == Holding.OPEN && status().state() == TcpState.CLOSED) {
            readAfterKernelClose();
        }
    }

    /**
     * A server that stopped reading makes its next read once the kernel has ended the connection, so
     * the timeline shows what that read returns: EOF, or the error ("Connection timed out"). Data still
     * queued comes first, as it would for the application.
     */
    private void readAfterKernelClose() throws IOException {
        reads = Reads.DRAINING;
        for (int n = 0; reads == Reads.DRAINING && n < 1024; n++) {
            read();
        }
    }
}
