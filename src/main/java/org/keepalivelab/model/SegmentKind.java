package org.keepalivelab.model;

/** What a captured segment is, by Wireshark's rules (docs/architecture.md, "Classifying segments"), in the order they are checked. */
public enum SegmentKind {
    SYN, SYN_ACK, ACK, DATA, FIN, RST, KEEPALIVE, KEEPALIVE_ACK, RETRANSMISSION, ZERO_WINDOW_PROBE, WINDOW_UPDATE
}
