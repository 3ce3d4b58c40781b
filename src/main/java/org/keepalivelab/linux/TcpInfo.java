package org.keepalivelab.linux;

import org.keepalivelab.model.TcpState;

/**
 * The fields of the kernel's {@code struct tcp_info} the lab reads, named as in
 * {@code include/uapi/linux/tcp.h}.
 *
 * @param state  {@code tcpi_state}
 * @param probes {@code tcpi_probes}: unanswered keepalive (or zero-window) probes
 */
public record TcpInfo(TcpState state, int probes) {
}
