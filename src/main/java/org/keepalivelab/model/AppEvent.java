package org.keepalivelab.model;

/**
 * What one side's application saw.
 *
 * @param bytes   bytes written or read, 0 where it does not apply
 * @param message Java's exception text for {@link AppEventType#ERROR} (e.g. "Connection timed out"),
 *                otherwise a short note or {@code null}
 */
public record AppEvent(long t, int conn, Side side, AppEventType event, int bytes, String message)
        implements Event {
}
