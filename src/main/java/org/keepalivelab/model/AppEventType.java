package org.keepalivelab.model;

/** What the application saw on its socket. */
public enum AppEventType {
    CONNECTED, WRITE, READ, EOF, ERROR, CLOSED
}
