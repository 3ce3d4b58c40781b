package org.keepalivelab.lab;

import static java.nio.channels.SelectionKey.OP_CONNECT;
import static java.nio.channels.SelectionKey.OP_READ;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.Side;

/**
 * The client application's end: it connects, writes when the user sends, and lets go of its socket in
 * one of three ways: a graceful close, being killed, or an abort.
 */
final class ClientEndpoint extends Endpoint {
    private enum Phase { CONNECTING, OPEN, CLOSING, GONE }

    /** The port the client's socket is bound to, before it connects. */
    final int port;
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private Phase phase = Phase.CONNECTING;
    private boolean sawEof;

    /** Opens and configures the client's socket, bound to a port of its own but not yet connected. */
    ClientEndpoint(Context context, InetSocketAddress serverAddress, LabSettings settings) throws IOException {
        var bound = bound(serverAddress); // before super(): the kernel picks the port its sampler looks for
        super(context, Side.CLIENT, bound.socket().getLocalPort(), serverAddress.getPort());
        this.port = bound.socket().getLocalPort();
        try {
            hold(bound, null, settings.client());
            if (settings.orphanLifetimeSeconds() != LabSettings.KERNEL_DEFAULT_ORPHAN_LIFETIME) {
                socket().setLinger2(settings.orphanLifetimeSeconds());
            }
        } catch (IOException | RuntimeException e) {
            shutdown();
            throw e;
        }
    }

    /** A new channel bound to an ephemeral port on the server's address. */
    private static SocketChannel bound(InetSocketAddress serverAddress) throws IOException {
        var channel = SocketChannel.open();
        try {
            return channel.bind(new InetSocketAddress(serverAddress.getAddress(), 0));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Starts the handshake; completes once the client is connected, or with the connect's error. */
    CompletableFuture<Void> connect(InetSocketAddress serverAddress) throws IOException {
        register(OP_CONNECT);
        try {
            if (channel.connect(serverAddress)) {
                ready();
            }
        } catch (IOException e) {
            connectFailed(e);
        }
        return connected;
    }

    @Override
    protected void ready() throws IOException {
        if (phase != Phase.CONNECTING) {
            super.ready();
            return;
        }
        try {
            if (!channel.finishConnect()) {
                return;
            }
        } catch (IOException e) {
            connectFailed(e);
            return;
        }
        phase = Phase.OPEN;
        key.interestOps(OP_READ);
        app(AppEventType.CONNECTED);
        connected.complete(null);
    }

    /** The connect failed: the client records the error and lets go. */
    private void connectFailed(IOException e) throws IOException {
        app(AppEventType.ERROR, 0, e.getMessage());
        letGo();
        connected.completeExceptionally(e);
    }

    @Override
    boolean begun() {
        return phase != Phase.CONNECTING;
    }

    /** The client still holds its socket, closing or not. */
    boolean held() {
        return phase == Phase.OPEN || phase == Phase.CLOSING;
    }

    boolean closing() {
        return phase == Phase.CLOSING;
    }

    boolean gone() {
        return phase == Phase.GONE;
    }

    @Override
    protected void checkMaySend() {
        requireHeld("send");
    }

    @Override
    protected void onEnd(boolean eof) throws IOException {
        if (eof) {
            sawEof = true;
        }
        if (phase == Phase.CLOSING) {
            closed();
        } else {
            stopReading();
        }
    }

    /** Graceful close: shut down output (FIN), read to EOF, then close. */
    void close() throws IOException {
        requireHeld("close");
        if (phase == Phase.CLOSING) {
            return;
        }
        channel.shutdownOutput();
        phase = Phase.CLOSING;
        if (sawEof) {
            closed();
        } else {
            key.interestOps(key.interestOps() | OP_READ);
        }
    }

    private void closed() throws IOException {
        letGo();
        app(AppEventType.CLOSED);
    }

    /** The client process dies: its kernel closes the socket at once, with no shutdown and no goodbye. */
    void kill() throws IOException {
        requireHeld("kill");
        letGo();
    }

    /** Abort: {@code SO_LINGER} 0 and close, so the kernel sends RST. */
    void abort() throws IOException {
        requireHeld("abort");
        channel.setOption(StandardSocketOptions.SO_LINGER, 0);
        letGo();
        app(AppEventType.CLOSED, 0, "aborted: SO_LINGER 0");
    }

    private void letGo() throws IOException {
        phase = Phase.GONE;
        closeNow();
    }

    private void requireHeld(String action) {
        if (phase == Phase.GONE) {
            throw new LabException("Connection " + conn + ": cannot " + action + ", the client no longer holds its socket.");
        }
        if (phase == Phase.CONNECTING) {
            throw new LabException("Connection " + conn + ": cannot " + action + " before it is connected.");
        }
    }
}
