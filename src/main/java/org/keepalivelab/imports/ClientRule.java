package org.keepalivelab.imports;

/** How an import decided which end of a connection is its client. */
public enum ClientRule {
    /** The end that sent the SYN (without ACK). */
    SYN("the SYN's sender"),
    /** The SYN was not in the file, its SYN-ACK was: the end it went to. */
    SYN_ACK("the SYN-ACK's receiver"),
    /**
     * No handshake in the file: the end with the higher port. A server's port is usually the lower
     * (well-known and registered ports lie below the ephemeral range clients get: Linux's
     * {@code ip_local_port_range} is 32768-60999, IANA's dynamic range 49152-65535); Wireshark makes
     * the same guess, trying the lower port first when no SYN named the server ({@code packet-tcp.c},
     * {@code decode_tcp_ports}).
     */
    HIGHER_PORT("no handshake in the file: the end with the higher port, as servers usually have the lower"),
    /** No handshake and both ports equal: the sender of the connection's first packet in the file. */
    FIRST_SENDER("no handshake in the file and equal ports: the first packet's sender");

    private final String reason;

    ClientRule(String reason) {
        this.reason = reason;
    }

    /** The rule in words, for the event log and the window. */
    public String reason() {
        return reason;
    }
}
