package org.keepalivelab.model;

/** The kernel's TCP states, in the kernel's numbering ({@code include/net/tcp_states.h}). */
public enum TcpState {
    UNKNOWN, ESTABLISHED, SYN_SENT, SYN_RECV, FIN_WAIT1, FIN_WAIT2, TIME_WAIT, CLOSED, CLOSE_WAIT, LAST_ACK,
    LISTEN, CLOSING, NEW_SYN_RECV;

    /** The state for the kernel's number, {@link #UNKNOWN} for one this enum does not know. */
    public static TcpState ofKernel(int number) {
        var all = values();
        return number > 0 && number < all.length ? all[number] : UNKNOWN;
    }
}
