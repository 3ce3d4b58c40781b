package org.keepalivelab.lab;

import java.util.Set;
import org.keepalivelab.model.Direction;

/**
 * A connection as the lab last saw it: what each application still does and what each kernel socket
 * is doing.
 *
 * @param clientPort    the client's local port (the server's is the lab's, the same for every connection)
 * @param clientHeld    the client application still holds its socket, closing or not (not yet closed,
 *                      killed or aborted)
 * @param clientClosing the client has begun a graceful close (sent its FIN) and holds its socket only to
 *                      read to EOF: it sends nothing more
 * @param serverEnded   the server application has seen its connection end (EOF, an error) or closed it,
 *                      or the connection never reached it (the client's connect failed)
 * @param severed       the directions the lab's sever is dropping now
 */
public record ConnectionStatus(int conn, int clientPort, LabSettings settings, boolean clientHeld, boolean clientClosing,
                               boolean serverEnded, SideStatus client, SideStatus server, Set<Direction> severed) {
}
