package org.keepalivelab.lab;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What the server's application does with an accepted connection. */
public enum ServerPolicy {
    /** Reads the first message, then never reads again and never closes (the seed's Go server). */
    READ_ONCE("read-once", "reads the first message, then never reads or closes"),
    /** Reads until EOF, then closes: the well-behaved server. */
    READ_CLOSE("read-close", "reads until EOF, then closes"),
    /** Reads until EOF, then keeps the socket open. */
    READ_KEEP("read-keep", "reads until EOF, never closes");

    private final String label;
    private final String description;

    ServerPolicy(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public static ServerPolicy parse(String label) {
        return Arrays.stream(values()).filter(p -> p.label.equalsIgnoreCase(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("server policy must be one of "
                        + Arrays.stream(values()).map(ServerPolicy::label).collect(Collectors.joining(", "))
                        + ", not '" + label + "'"));
    }

    @Override
    public String toString() {
        return label;
    }
}
