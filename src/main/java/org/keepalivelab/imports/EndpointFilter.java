package org.keepalivelab.imports;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * Which connections of a capture to import: those with an end at {@code HOST:PORT}, {@code [V6ADDR]:PORT}
 * or, with no host, {@code :PORT}. HOST is an address literal: an import resolves no names.
 */
public record EndpointFilter(byte[] address, int port) {
    public static final String FORMS = "HOST:PORT, :PORT or [V6ADDR]:PORT, with an IP address and a port 1..65535";

    /**
     * @throws IllegalArgumentException naming the allowed forms
     */
    public static EndpointFilter parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw bad(text);
        }
        String host = text.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw bad(text);
        }
        if (port < 1 || port > 65535) {
            throw bad(text);
        }
        if (host.isEmpty()) {
            return new EndpointFilter(null, port);
        }
        boolean bracketed = host.startsWith("[") && host.endsWith("]");
        String literal = bracketed ? host.substring(1, host.length() - 1) : host;
        InetAddress address;
        try {
            address = InetAddress.ofLiteral(literal);
        } catch (IllegalArgumentException e) {
            throw bad(text);
        }
        boolean v6 = address.getAddress().length == 16;
        if (v6 != bracketed) {
            throw bad(text); // "::1:80" is ambiguous; an IPv6 address goes in brackets, an IPv4 one does not
        }
        return new EndpointFilter(address.getAddress(), port);
    }

    private static IllegalArgumentException bad(String text) {
        return new IllegalArgumentException("--filter '" + text + "' is not " + FORMS + ".");
    }

    /** True when either end of a connection is the filter's. */
    public boolean matches(Endpoint a, Endpoint b) {
        return matches(a) || matches(b);
    }

    private boolean matches(Endpoint e) {
        return e.port() == port && (address == null || Arrays.equals(address, e.address()));
    }

    @Override
    public String toString() {
        if (address == null) {
            return ":" + port;
        }
        return new Endpoint(address, port).toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EndpointFilter f && port == f.port && Arrays.equals(address, f.address);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(address) * 31 + port;
    }
}
