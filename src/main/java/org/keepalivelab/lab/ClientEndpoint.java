package org.keepalivelab.lab;

import static java.nio.channels.SelectionKey.OP_CONNECT;
import static java.nio.channels.SelectionKey.OP_READ;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.Side;

/**
 * The client application's end: it connects, writes when the user sends, reads whatever the server
 * writes, and lets go of its socket as {@link Endpoint} does (close, kill, abort), or half-closes it.
 */
final class ClientEndpoint extends Endpoint {
    /** The port the client's socket is bound to, before it connects. */
    final int port;
    private final CompletableFuture<Void> connected = new CompletableFuture<>();

    /** Opens and configures the client's socket, bound to a port of its own but not yet connected. */
    ClientEndpoint(Context context, InetSocketAddress serverAddress, LabSettings settings) throws IOException {
        var bound = bound(serverAddress); // before super(): the kernel picks the port its sampler looks for
        super(context, Side.CLIENT, bound.socket().getLocalPort(), serverAddress.getPort());
        this.port = bound.socket().getLocalPort();
        try {
            hold(bound, null, settings.client(), settings.orphanLifetimeSeconds());
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
        if (begun()) {
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
        opened();
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

    /** The client reads all along; at the stream's end it stops, and holds its socket until told otherwise. */
    @Override
    protected void onEnd(boolean eof) {
        stopReading();
    }
}
