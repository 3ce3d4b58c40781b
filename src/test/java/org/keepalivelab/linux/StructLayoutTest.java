package org.keepalivelab.linux;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.Linker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Each struct's layout against the C ABI of 64-bit Linux (x86-64 and aarch64 agree: LP64, every scalar
 * aligned to its size). The numbers are the compiler's {@code sizeof}, {@code _Alignof} and
 * {@code offsetof} for the glibc and kernel UAPI headers (checked with gcc on x86-64), and each follows
 * from the rule: a member starts at the next multiple of its alignment, and a struct's size is rounded up
 * to its largest member alignment.
 */
class StructLayoutTest {
    @Test
    void theLayoutsAssumeLp64() {
        var c = Linker.nativeLinker().canonicalLayouts();
        assertAll(
                () -> assertEquals(8, ADDRESS.byteSize(), "a pointer"),
                () -> assertEquals(8, c.get("long").byteSize(), "long, time_t, suseconds_t"),
                () -> assertEquals(8, c.get("size_t").byteSize(), "size_t, socklen_t's neighbours in msghdr"));
    }

    @Test
    void sockaddrLl() {
        // Two shorts, an int, a short and two chars: 12 bytes with no gap, then 8 address bytes; the int
        // aligns the whole to 4, and 20 is a multiple of it.
        check(SockaddrLl.LAYOUT, 20, 4, Map.of("sll_family", 0L, "sll_protocol", 2L, "sll_ifindex", 4L,
                "sll_hatype", 8L, "sll_pkttype", 10L, "sll_halen", 11L, "sll_addr", 12L));
    }

    @Test
    void sockaddrInAndIn6() {
        check(SockaddrIn.LAYOUT, 16, 4, Map.of("sin_family", 0L, "sin_port", 2L, "sin_addr", 4L, "sin_zero", 8L));
        check(SockaddrIn6.LAYOUT, 28, 4, Map.of("sin6_family", 0L, "sin6_port", 2L, "sin6_flowinfo", 4L,
                "sin6_addr", 8L, "sin6_scope_id", 24L));
        assertAll(
                () -> assertEquals(28, SocketAddresses.LAYOUT.byteSize(), "room for either"),
                () -> assertEquals(4, SocketAddresses.LAYOUT.byteAlignment()));
    }

    @Test
    void sockFilterAndSockFprog() {
        check(SockFilter.LAYOUT, 8, 4, Map.of("code", 0L, "jt", 2L, "jf", 3L, "k", 4L));
        // unsigned short len, then the pointer at the next multiple of 8.
        check(SockFprog.LAYOUT, 16, 8, Map.of("len", 0L, "filter", 8L));
    }

    @Test
    void ifreq() {
        // struct ifmap: two unsigned longs, an unsigned short, three chars = 21 bytes, rounded up to 24.
        check(Ifreq.LAYOUT, 40, 8, Map.of("ifr_name", 0L, "ifr_ifru", 16L));
        assertAll(
                () -> assertEquals(16, Ifreq.LAYOUT.byteOffset(groupElement("ifr_ifru"), groupElement("ifru_flags")),
                        "ifr_flags"),
                () -> assertEquals(24, Ifreq.LAYOUT.select(groupElement("ifr_ifru"), groupElement("ifru_map")).byteSize(),
                        "sizeof(struct ifmap)"));
    }

    @Test
    void iphdrAndTcphdr() {
        // Packet headers: every field at a multiple of its size, no padding; the 32-bit fields align them to 4.
        check(IpHeader.LAYOUT, 20, 4, Map.of("version_ihl", 0L, "tos", 1L, "tot_len", 2L, "id", 4L, "frag_off", 6L,
                "ttl", 8L, "protocol", 9L, "check", 10L, "saddr", 12L, "daddr", 16L));
        check(TcpHeader.LAYOUT, 20, 4, Map.of("source", 0L, "dest", 2L, "seq", 4L, "ack_seq", 8L, "doff_res1", 12L,
                "flags", 13L, "window", 14L, "check", 16L, "urg_ptr", 18L));
    }

    @Test
    void tpacketStats() {
        check(TpacketStats.LAYOUT, 8, 4, Map.of("tp_packets", 0L, "tp_drops", 4L));
    }

    @Test
    void tpacket2HdrAndTpacketReq() {
        // Three u32, two u16, two u32, two u16 and four bytes of padding: 32, which TPACKET_ALIGN keeps.
        check(Tpacket2Hdr.LAYOUT, 32, 4, Map.of("tp_status", 0L, "tp_len", 4L, "tp_snaplen", 8L, "tp_mac", 12L,
                "tp_net", 14L, "tp_sec", 16L, "tp_nsec", 20L, "tp_vlan_tci", 24L, "tp_vlan_tpid", 26L,
                "tp_padding", 28L));
        check(TpacketReq.LAYOUT, 16, 4, Map.of("tp_block_size", 0L, "tp_block_nr", 4L, "tp_frame_size", 8L,
                "tp_frame_nr", 12L));
    }

    @Test
    void pollfd() {
        check(PollFd.LAYOUT, 8, 4, Map.of("fd", 0L, "events", 4L, "revents", 6L));
    }

    @Test
    void tcpInfo() {
        // 8 bytes (six u8 and two of bit fields), 24 u32 to tcpi_total_retrans at 100, then u64 counters
        // from 104, which 104 = 13 * 8 already aligns.
        var offsets = new LinkedHashMap<String, Long>();
        offsets.put("tcpi_state", 0L);
        offsets.put("tcpi_probes", 3L);
        offsets.put("tcpi_backoff", 4L);
        offsets.put("tcpi_options", 5L);
        offsets.put("tcpi_rto", 8L);
        offsets.put("tcpi_last_data_sent", 44L);
        offsets.put("tcpi_last_data_recv", 52L);
        offsets.put("tcpi_last_ack_recv", 56L);
        offsets.put("tcpi_total_retrans", 100L);
        offsets.put("tcpi_pacing_rate", 104L);
        offsets.put("tcpi_bytes_received", 128L);
        offsets.put("tcpi_segs_out", 136L);
        offsets.put("tcpi_segs_in", 140L);
        offsets.put("tcpi_notsent_bytes", 144L);
        offsets.put("tcpi_data_segs_in", 152L);
        offsets.put("tcpi_data_segs_out", 156L);
        offsets.put("tcpi_delivery_rate", 160L);
        offsets.put("tcpi_delivered", 192L);
        offsets.put("tcpi_bytes_sent", 200L);
        offsets.put("tcpi_dsack_dups", 216L);
        offsets.put("tcpi_rcv_ooopack", 224L);
        offsets.put("tcpi_snd_wnd", 228L);
        check(TcpInfo.LAYOUT, 232, 8, offsets);
        assertEquals(60, TcpInfo.FIELDS_READ, "through tcpi_last_ack_recv");
    }

    private static void check(GroupLayout layout, long size, long alignment, Map<String, Long> offsets) {
        var checks = new ArrayList<Executable>();
        checks.add(() -> assertEquals(size, layout.byteSize(), "sizeof(struct " + layout.name().orElseThrow() + ")"));
        checks.add(() -> assertEquals(alignment, layout.byteAlignment(), "_Alignof"));
        offsets.forEach((field, offset) -> checks.add(
                () -> assertEquals(offset, layout.byteOffset(groupElement(field)), field)));
        assertAll(checks);
    }
}
