package org.keepalivelab.model;

/** What a middlebox does with a segment of a connection it has forgotten ({@link Action.SeverIdle}). */
public enum IdleMode {
    /** Drops it silently, as most NATs and conntrack do. */
    DROP("drop"),
    /** Answers it with RST to both ends, as AWS's load balancers and NAT gateways do. */
    RESET("reset");

    private final String label;

    IdleMode(String label) {
        this.label = label;
    }

    /** Its name in a script and the event log. */
    public String label() {
        return label;
    }
}
