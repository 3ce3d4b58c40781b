package org.keepalivelab.imports;

/**
 * Where the IP header starts behind each link layer the lab reads (tcpdump.org's link-layer header
 * types, draft-ietf-opsawg-pcaplinktype), or -1 when the packet carries something other than IPv4 or IPv6.
 */
final class LinkLayer {
    static final int NULL = 0;
    static final int ETHERNET = 1;
    /** DLT_RAW's value on most systems, written into files before LINKTYPE_RAW (101) existed. */
    static final int RAW_HISTORICAL = 12;
    /** DLT_RAW's value on BSD/OS and OpenBSD (Wireshark's wiretap/pcap-common.c reads both as raw IP). */
    static final int RAW_OPENBSD = 14;
    static final int RAW = 101;
    static final int LOOP = 108;
    static final int LINUX_SLL = 113;
    static final int IPV4 = 228;
    static final int IPV6 = 229;
    static final int LINUX_SLL2 = 276;

    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_IPV6 = 0x86dd;
    // 802.1Q customer tag; 802.1ad service tag (QinQ's outer tag); 0x9100, the pre-802.1ad QinQ tag.
    private static final int ETHERTYPE_VLAN = 0x8100;
    private static final int ETHERTYPE_QINQ = 0x88a8;
    private static final int ETHERTYPE_QINQ_OLD = 0x9100;
    /** Tags stacked deeper than this are not Ethernet anyone sends: the packet is skipped. */
    private static final int MAX_VLAN_TAGS = 8;

    private LinkLayer() {
    }

    static boolean supported(int linkType) {
        return switch (linkType) {
            case NULL, ETHERNET, RAW_HISTORICAL, RAW_OPENBSD, RAW, LOOP, LINUX_SLL, IPV4, IPV6, LINUX_SLL2 -> true;
            default -> false;
        };
    }

    /** The sentence for a link type the lab does not read, with those it does. */
    static String unsupported(int linkType) {
        return "link type " + linkType + " is not one the lab reads: Ethernet (1), Linux cooked v1 (113) and v2 "
                + "(276), raw IP (101, 12, 14), IPv4 (228), IPv6 (229), BSD loopback (0, 108)";
    }

    /** The offset of the IP header in the first {@code captured} bytes of {@code data}, or -1. */
    static int ipOffset(int linkType, byte[] data, int captured) {
        int at = switch (linkType) {
            case RAW, RAW_HISTORICAL, RAW_OPENBSD, IPV4, IPV6 -> 0;
            // BSD loopback: a 4-byte address family, in the writer's byte order (NULL) or network order
            // (LOOP), whose IPv6 value differs between systems (24, 28, 30): the IP version nibble decides.
            case NULL, LOOP -> 4;
            case ETHERNET -> ethernet(data, captured);
            // Linux cooked v1: the protocol (an ethertype) at byte 14 of a 16-byte header.
            case LINUX_SLL -> isIp(data, captured, 14) ? 16 : -1;
            // Linux cooked v2: the protocol first, in a 20-byte header.
            case LINUX_SLL2 -> isIp(data, captured, 0) ? 20 : -1;
            default -> -1;
        };
        if (at < 0 || at >= captured) {
            return -1;
        }
        int version = (data[at] & 0xf0) >>> 4;
        return version == 4 || version == 6 ? at : -1;
    }

    /** Behind the 14-byte Ethernet header and any 802.1Q/802.1ad tags (4 bytes each, stacked for QinQ). */
    private static int ethernet(byte[] data, int captured) {
        int typeAt = 12;
        for (int tags = 0; tags <= MAX_VLAN_TAGS && typeAt + 2 <= captured; tags++) {
            int type = Bytes.u16(data, typeAt, true);
            if (type == ETHERTYPE_VLAN || type == ETHERTYPE_QINQ || type == ETHERTYPE_QINQ_OLD) {
                typeAt += 4;
            } else {
                return type == ETHERTYPE_IPV4 || type == ETHERTYPE_IPV6 ? typeAt + 2 : -1;
            }
        }
        return -1;
    }

    private static boolean isIp(byte[] data, int captured, int typeAt) {
        if (typeAt + 2 > captured) {
            return false;
        }
        int type = Bytes.u16(data, typeAt, true);
        return type == ETHERTYPE_IPV4 || type == ETHERTYPE_IPV6;
    }
}
