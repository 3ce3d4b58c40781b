package org.keepalivelab.imports;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** One end of a connection in a capture: an IPv4 or IPv6 address and a port. */
public record Endpoint(byte[] address, int port) {

    /** The end at {@code at} in an IP header ({@code addressAt}: 12 or 16 for IPv4, 8 or 24 for IPv6). */
    static Endpoint of(byte[] packet, int addressAt, int length, int port) {
        return new Endpoint(Arrays.copyOfRange(packet, addressAt, addressAt + length), port);
    }

    public InetAddress inetAddress() {
        try {
            return InetAddress.getByAddress(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address is 4 or 16 bytes", e); // never: see of()
        }
    }

    /** {@code 192.0.2.1:80} or {@code [2001:db8::1]:80}, as the event log and --filter write them. */
    @Override
    public String toString() {
        return address.length == 16 ? "[" + ipv6Text(address) + "]:" + port : inetAddress().getHostAddress() + ":" + port;
    }

    /**
     * An IPv6 address as RFC 5952 (section 4) writes it, which Java's {@code getHostAddress} does not:
     * lower-case hex without leading zeros, the longest run of two or more zero groups (the first of
     * equal runs) as {@code ::}.
     */
    static String ipv6Text(byte[] address) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (address[2 * i] & 0xff) << 8 | (address[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        var text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
            } else {
                if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                    text.append(':');
                }
                text.append(Integer.toHexString(groups[i]));
            }
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Endpoint e && port == e.port && Arrays.equals(address, e.address);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(address) * 31 + port;
    }
}
