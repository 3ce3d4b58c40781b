package org.keepalivelab.explain;

import org.keepalivelab.model.AppEventType;

/**
 * When one side's application learned the connection was over.
 *
 * @param event   {@link AppEventType#EOF}, {@link AppEventType#ERROR} or {@link AppEventType#CLOSED} (its own close)
 * @param message the exception's exact text for an error, else {@code null}
 */
public record AppFinding(long t, AppEventType event, String message) {

    /** {@code EOF}, {@code ERROR 'Connection reset'}, {@code CLOSED}. */
    public String words() {
        return message == null ? event.name() : event.name() + " '" + message + "'";
    }
}
