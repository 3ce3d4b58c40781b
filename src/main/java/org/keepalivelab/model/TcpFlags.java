package org.keepalivelab.model;

import java.util.List;
import java.util.StringJoiner;

/** The TCP header's flag bits, and their names as the event log writes them ({@code "PSH,ACK"}). */
public final class TcpFlags {
    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int PSH = 0x08;
    public static final int ACK = 0x10;
    public static final int URG = 0x20;
    public static final int ECE = 0x40;
    public static final int CWR = 0x80;

    // ACK last, as tcpdump and Wireshark users read them: "SYN,ACK", "FIN,ACK".
    private static final int[] ORDER = {SYN, FIN, RST, PSH, URG, ECE, CWR, ACK};
    private static final String[] NAMES = {"SYN", "FIN", "RST", "PSH", "URG", "ECE", "CWR", "ACK"};

    private TcpFlags() {
    }

    public static boolean has(int flags, int flag) {
        return (flags & flag) != 0;
    }

    /**
     * The flags {@link #toString(int)} names ({@code "PSH,ACK"}; {@code ""} for none), in any order.
     *
     * @throws IllegalArgumentException for a name that is no TCP flag
     */
    public static int parse(String names) {
        int flags = 0;
        for (var name : names.split(",", -1)) {
            int i = List.of(NAMES).indexOf(name);
            if (i < 0 && !names.isEmpty()) {
                throw new IllegalArgumentException("TCP flags are " + String.join(", ", NAMES) + ", comma-separated, not '"
                        + names + "'");
            }
            flags |= i < 0 ? 0 : ORDER[i];
        }
        return flags;
    }

    public static String toString(int flags) {
        var names = new StringJoiner(",");
        for (int i = 0; i < ORDER.length; i++) {
            if (has(flags, ORDER[i])) {
                names.add(NAMES[i]);
            }
        }
        return names.toString();
    }
}
