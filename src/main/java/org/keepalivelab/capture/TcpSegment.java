package org.keepalivelab.capture;

/**
 * The TCP header fields of one captured packet.
 *
 * @param seq    sequence number, unsigned 32 bits
 * @param ack    acknowledgement number, unsigned 32 bits
 * @param window the window field as on the wire (not scaled)
 * @param len    payload bytes, from the IP header's length (the capture keeps only the headers)
 */
public record TcpSegment(int srcPort, int dstPort, long seq, long ack, int flags, int window, int len) {
}
