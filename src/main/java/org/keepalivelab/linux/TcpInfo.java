package org.keepalivelab.linux;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.MemoryLayout.paddingLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;
import org.keepalivelab.model.TcpState;

/**
 * The fields of the kernel's {@code struct tcp_info} the lab reads, named as in
 * {@code include/uapi/linux/tcp.h}.
 *
 * @param state        {@code tcpi_state}
 * @param probes       {@code tcpi_probes}: unanswered keepalive (or zero-window) probes
 * @param backoff      {@code tcpi_backoff}: how many times the retransmission (or zero-window probe)
 *                     timeout has doubled
 * @param lastDataRecv {@code tcpi_last_data_recv}: milliseconds since data last arrived
 * @param lastAckRecv  {@code tcpi_last_ack_recv}: milliseconds since any segment last arrived (an
 *                     answered keepalive probe counts)
 */
public record TcpInfo(TcpState state, int probes, int backoff, long lastDataRecv, long lastAckRecv) {
    /**
     * The struct as the UAPI header of Linux 6.1 declares it. A newer kernel's is longer and fills only
     * this much; an older kernel's is shorter and says so in the length it returns. Bytes 6 and 7 hold
     * bit fields a layout cannot name ({@code tcpi_snd_wscale : 4, tcpi_rcv_wscale : 4} and
     * {@code tcpi_delivery_rate_app_limited : 1, tcpi_fastopen_client_fail : 2}); the 8-byte counters
     * from {@code tcpi_pacing_rate} on fall on 8-byte boundaries without padding.
     */
    static final StructLayout LAYOUT = structLayout(
            JAVA_BYTE.withName("tcpi_state"),
            JAVA_BYTE.withName("tcpi_ca_state"),
            JAVA_BYTE.withName("tcpi_retransmits"),
            JAVA_BYTE.withName("tcpi_probes"),
            JAVA_BYTE.withName("tcpi_backoff"),
            JAVA_BYTE.withName("tcpi_options"),
            paddingLayout(2),

            JAVA_INT.withName("tcpi_rto"),
            JAVA_INT.withName("tcpi_ato"),
            JAVA_INT.withName("tcpi_snd_mss"),
            JAVA_INT.withName("tcpi_rcv_mss"),

            JAVA_INT.withName("tcpi_unacked"),
            JAVA_INT.withName("tcpi_sacked"),
            JAVA_INT.withName("tcpi_lost"),
            JAVA_INT.withName("tcpi_retrans"),
            JAVA_INT.withName("tcpi_fackets"),

            JAVA_INT.withName("tcpi_last_data_sent"),
            JAVA_INT.withName("tcpi_last_ack_sent"),
            JAVA_INT.withName("tcpi_last_data_recv"),
            JAVA_INT.withName("tcpi_last_ack_recv"),

            JAVA_INT.withName("tcpi_pmtu"),
            JAVA_INT.withName("tcpi_rcv_ssthresh"),
            JAVA_INT.withName("tcpi_rtt"),
            JAVA_INT.withName("tcpi_rttvar"),
            JAVA_INT.withName("tcpi_snd_ssthresh"),
            JAVA_INT.withName("tcpi_snd_cwnd"),
            JAVA_INT.withName("tcpi_advmss"),
            JAVA_INT.withName("tcpi_reordering"),

            JAVA_INT.withName("tcpi_rcv_rtt"),
            JAVA_INT.withName("tcpi_rcv_space"),

            JAVA_INT.withName("tcpi_total_retrans"),

            JAVA_LONG.withName("tcpi_pacing_rate"),
            JAVA_LONG.withName("tcpi_max_pacing_rate"),
            JAVA_LONG.withName("tcpi_bytes_acked"),
            JAVA_LONG.withName("tcpi_bytes_received"),
            JAVA_INT.withName("tcpi_segs_out"),
            JAVA_INT.withName("tcpi_segs_in"),

            JAVA_INT.withName("tcpi_notsent_bytes"),
            JAVA_INT.withName("tcpi_min_rtt"),
            JAVA_INT.withName("tcpi_data_segs_in"),
            JAVA_INT.withName("tcpi_data_segs_out"),

            JAVA_LONG.withName("tcpi_delivery_rate"),

            JAVA_LONG.withName("tcpi_busy_time"),
            JAVA_LONG.withName("tcpi_rwnd_limited"),
            JAVA_LONG.withName("tcpi_sndbuf_limited"),

            JAVA_INT.withName("tcpi_delivered"),
            JAVA_INT.withName("tcpi_delivered_ce"),

            JAVA_LONG.withName("tcpi_bytes_sent"),
            JAVA_LONG.withName("tcpi_bytes_retrans"),
            JAVA_INT.withName("tcpi_dsack_dups"),
            JAVA_INT.withName("tcpi_reord_seen"),

            JAVA_INT.withName("tcpi_rcv_ooopack"),

            JAVA_INT.withName("tcpi_snd_wnd")).withName("tcp_info");

    private static final VarHandle TCPI_STATE = LAYOUT.varHandle(groupElement("tcpi_state"));
    private static final VarHandle TCPI_PROBES = LAYOUT.varHandle(groupElement("tcpi_probes"));
    private static final VarHandle TCPI_BACKOFF = LAYOUT.varHandle(groupElement("tcpi_backoff"));
    private static final VarHandle TCPI_LAST_DATA_RECV = LAYOUT.varHandle(groupElement("tcpi_last_data_recv"));
    private static final VarHandle TCPI_LAST_ACK_RECV = LAYOUT.varHandle(groupElement("tcpi_last_ack_recv"));

    /** The bytes the kernel must have written for every field read here: through {@code tcpi_last_ack_recv}. */
    static final long FIELDS_READ = LAYOUT.byteOffset(groupElement("tcpi_last_ack_recv")) + JAVA_INT.byteSize();

    /**
     * The fields of {@code info}, of which the kernel wrote {@code length} bytes.
     *
     * @throws IllegalStateException when it wrote fewer than the fields read here (no Linux since 2.6 does)
     */
    static TcpInfo read(MemorySegment info, int length) {
        if (length < FIELDS_READ) {
            throw new IllegalStateException("TCP_INFO returned only " + length + " bytes, fewer than the "
                    + FIELDS_READ + " through tcpi_last_ack_recv");
        }
        return new TcpInfo(
                TcpState.ofKernel(unsigned((byte) TCPI_STATE.get(info, 0L))),
                unsigned((byte) TCPI_PROBES.get(info, 0L)),
                unsigned((byte) TCPI_BACKOFF.get(info, 0L)),
                Integer.toUnsignedLong((int) TCPI_LAST_DATA_RECV.get(info, 0L)),
                Integer.toUnsignedLong((int) TCPI_LAST_ACK_RECV.get(info, 0L)));
    }

    private static int unsigned(byte u8) {
        return Byte.toUnsignedInt(u8);
    }
}
