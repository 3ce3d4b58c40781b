package org.keepalivelab.capture;

import org.keepalivelab.model.Direction;

/** What the capture asks the lab about a segment it saw: whose it is, and whether a sever ate it. */
public interface ConnectionDirectory {

    /** The lab's server port: every lab segment has it on one end. */
    int serverPort();

    /** The connection number whose client has this port, or 0 when it is none of the lab's. */
    int connectionOf(int clientPort);

    /** True when the lab's sever was discarding segments of {@code conn} going {@code dir} at time {@code t}. */
    boolean severed(int conn, Direction dir, long t);

    /** How many bytes the application sending {@code dir} on {@code conn} has written so far. */
    long bytesWritten(int conn, Direction dir);
}
