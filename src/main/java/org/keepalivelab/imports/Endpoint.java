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
        String host = inetAddress().getHostAddress();
        return (address.length == 16 ? "[" + host + "]" : host) + ":" + port;
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
