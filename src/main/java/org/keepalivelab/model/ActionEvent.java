package org.keepalivelab.model;

/** What the user or the script did, stamped when it began. */
public record ActionEvent(long t, int conn, Action action) implements Event {
}
