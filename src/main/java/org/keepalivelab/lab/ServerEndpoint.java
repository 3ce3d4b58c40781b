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
 * {@link ServerPolicy} says, and writes when the user replies.
 */
final class ServerEndpoint extends Endpoint {
    /** READING; HOLDING: a read-once server that stopped reading; DRAINING: its reads after the kernel closed. */
    private enum Phase { PENDING, READING, HOLDING, DRAINING, ENDED, CLOSED }

    private final ServerPolicy policy;
    private final SocketSettings socketSettings;
    private Phase phase = Phase.PENDING;

    ServerEndpoint(Context context, int serverPort, int clientPort, LabSettings settings) {
        super(context, Side.SERVER, serverPort, clientPort);
        this.policy = settings.serverPolicy();
        this.socketSettings = settings.server();
    }

    /** The server application accepted the connection. */
    void accepted(SocketChannel channel) throws IOException {
        hold(channel, (InetSocketAddress) channel.getRemoteAddress(), socketSettings);
        register(OP_READ);
        phase = Phase.READING;
        app(AppEventType.CONNECTED);
    }

    @Override
    boolean begun() {
        return phase != Phase.PENDING;
    }

    /** The server application has seen its connection end, or closed it. */
    boolean ended() {
        return phase == Phase.ENDED || phase == Phase.CLOSED;
    }

    @Override
    protected void checkMaySend() {
        if (channel == null || phase == Phase.CLOSED) {
            throw new LabException("Connection " + conn + ": the server has closed its socket.");
        }
    }

    /**
     * After the first message a read-once server stops reading. Off Linux nothing tells the lab when the
     * kernel ends the connection, so a held server goes on watching its socket and makes its next read
     * as soon as the socket is readable (data, EOF or an error).
     */
    @Override
    protected void onRead() {
        if (policy == ServerPolicy.READ_ONCE && phase == Phase.READING) {
            phase = Phase.HOLDING;
            if (view != KernelView.NONE) {
                stopReading();
            }
        }
    }

    @Override
    protected void onEnd(boolean eof) throws IOException {
        phase = Phase.ENDED;
        if (policy == ServerPolicy.READ_CLOSE) {
            closeNow();
            phase = Phase.CLOSED;
            app(AppEventType.CLOSED);
        } else {
            stopReading();
        }
    }

    /** Samples, then drains a server that stopped reading once the kernel has closed its socket. */
    @Override
    void sample(ProcNetTcp.Table table) throws IOException {
        super.sample(table);
        if (phase == Phase.HOLDING && status().state() == TcpState.CLOSED) {
            readAfterKernelClose();
        }
    }

    /**
     * A server that stopped reading makes its next read once the kernel has ended the connection, so
     * the timeline shows what that read returns: EOF, or the error ("Connection timed out"). Data still
     * queued comes first, as it would for the application.
     */
    private void readAfterKernelClose() throws IOException {
        phase = Phase.DRAINING;
        for (int reads = 0; phase == Phase.DRAINING && reads < 1024; reads++) {
            read();
        }
    }
}
