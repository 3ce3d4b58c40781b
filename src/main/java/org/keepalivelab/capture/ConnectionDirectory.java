package org.keepalivelab.capture;

import org.keepalivelab.model.Direction;

/**
 * What the capture asks the lab about a segment it saw (whose it is, whether a filter of the lab's ate
 * it) and tells it in return (that it crossed, for the lab's middlebox).
 */
public interface ConnectionDirectory {

    /** The lab's server port: every lab segment has it on one end. */
    int serverPort();

    /** The connection number whose client has this port, or 0 when it is none of the lab's. */
    int connectionOf(int clientPort);

    /**
     * True when the lab's filter on the receiving socket (a sever's, or a middlebox's that forgot the
     * connection) discarded a segment of {@code conn} going {@code dir} with these TCP flags at time {@code t}.
     */
    boolean dropped(int conn, Direction dir, long t, int tcpFlags);

    /** {@code segment} of {@code conn} went {@code dir} at time {@code t}, and reached its receiver unless {@code dropped}. */
    void crossed(int conn, Direction dir, long t, TcpSegment segment, boolean dropped);

    /** How many bytes the application sending {@code dir} on {@code conn} has written so far. */
    long bytesWritten(int conn, Direction dir);
}
