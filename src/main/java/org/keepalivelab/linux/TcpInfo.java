package org.keepalivelab.linux;

import org.keepalivelab.model.TcpState;

/**
 * The fields of the kernel's {@code struct tcp_info} the lab reads, named as in
 * {@code include/uapi/linux/tcp.h}.
 *
 * @param state        {@code tcpi_state}
 * @param retransmits  {@code tcpi_retransmits}: retransmissions of the current segment
 * @param probes       {@code tcpi_probes}: unanswered keepalive (or zero-window) probes
 * @param backoff      {@code tcpi_backoff}
 * @param unacked      {@code tcpi_unacked}: segments in flight
 * @param lastDataRecv {@code tcpi_last_data_recv}, milliseconds
 * @param lastAckRecv  {@code tcpi_last_ack_recv}, milliseconds
 */
public record TcpInfo(TcpState state, int retransmits, int probes, int backoff, int unacked, int lastDataRecv,
                      int lastAckRecv) {
}
