package org.keepalivelab.lab;

/** How far an application still holds its socket, from before it has one to after it let go. */
public enum Holding {
    /** Not yet: the client is connecting, or the server has not accepted the connection. */
    NOT_YET,
    /** Holds it, reads and writes. */
    OPEN,
    /** Shut its output down (FIN) and holds the socket, reading on: a half-close. */
    OUTPUT_SHUT,
    /** Began a graceful close: sent its FIN and holds the socket only to read to EOF, then closes. */
    CLOSING,
    /** Let go of it: closed, killed or aborted (or the connect failed). */
    GONE;

    /** It still holds its socket, whether or not it shut its output down. */
    public boolean held() {
        return this == OPEN || this == OUTPUT_SHUT || this == CLOSING;
    }
}
