package org.keepalivelab.lab;

import java.util.Set;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.Side;

/**
 * A connection as the lab last saw it: what each application still does and what each kernel socket
 * is doing.
 *
 * @param clientPort  the client's local port (the server's is the lab's, the same for every connection)
 * @param label       a short name the connection was opened with (a script's {@code label=}), or empty
 * @param clientApp   how far the client application holds its socket
 * @param serverApp   how far the server application holds its socket
 * @param serverEnded the server application has seen its connection end (EOF, an error) or let go of it,
 *                    or the connection never reached it (the client's connect failed)
 * @param severed     the directions the lab's sever is dropping now
 */
public record ConnectionStatus(int conn, int clientPort, LabSettings settings, String label, Holding clientApp,
                               Holding serverApp, boolean serverEnded, SideStatus client, SideStatus server,
                               Set<Direction> severed) {

    /** How far the application at {@code side} holds its socket. */
    public Holding app(Side side) {
        return side == Side.CLIENT ? clientApp : serverApp;
    }

    /** The client application still holds its socket, closing or not (not yet closed, killed or aborted). */
    public boolean clientHeld() {
        return clientApp.held();
    }

    /** The client has begun a graceful close (sent its FIN) and holds its socket only to read to EOF. */
    public boolean clientClosing() {
        return clientApp == Holding.CLOSING;
    }
}
