package org.keepalivelab.lab;

import java.net.InetSocketAddress;
import java.util.List;
import org.keepalivelab.linux.LinuxException;
import org.keepalivelab.linux.RawSocket;
import org.keepalivelab.model.Direction;

/**
 * The lab's one raw socket, opened when the first {@code reset} middlebox is armed: it forges the RST
 * pair a middlebox that forgot a connection answers a segment with. Used on the lab's loop only; closed
 * once the loop has stopped.
 */
final class ResetForger implements AutoCloseable {
    private final Isolation isolation;
    private RawSocket socket;

    ResetForger(Isolation isolation) {
        this.isolation = isolation;
    }

    /**
     * Opens the raw socket, unless it is open already.
     *
     * @throws LabException saying what the lab lacks, when the kernel refuses it
     */
    void open() {
        if (socket != null) {
            return;
        }
        try {
            socket = RawSocket.open();
        } catch (LinuxException e) {
            throw new LabException(e.isPermissionDenied() ? Privileges.forgeDenied(isolation)
                    : "Sever-idle reset cannot forge RSTs: " + e.getMessage(), e);
        }
    }

    /**
     * A RST to each end of a connection, each in the other end's name and with the sequence number its
     * TCP expects next, so each accepts it: first back to the end that sent {@code trigger}, then on to
     * the end it was meant for.
     */
    void resetBoth(InetSocketAddress client, InetSocketAddress server, ReceiveNext next, Direction trigger)
            throws LinuxException {
        for (var dir : List.of(trigger.reverse(), trigger)) {
            var from = dir == Direction.C2S ? client : server;
            var to = dir == Direction.C2S ? server : client;
            socket.sendReset(from, to, next.of(dir));
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.close();
        }
    }
}
