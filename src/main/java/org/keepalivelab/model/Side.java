package org.keepalivelab.model;

import java.util.Locale;

/** An end of a lab connection. */
public enum Side {
    CLIENT, SERVER;

    public Side peer() {
        return this == CLIENT ? SERVER : CLIENT;
    }

    /** The name used in the event log. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
