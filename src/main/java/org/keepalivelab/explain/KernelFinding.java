package org.keepalivelab.explain;

/**
 * When one side's kernel knew the connection was over, and how the lab knows.
 *
 * @param earliest the earliest it can have been, in the lab's nanoseconds
 * @param latest   the latest; equal to {@code earliest} for a captured segment or an error the
 *                 application saw, one sampling period later for a sampled state, wider for a prediction
 */
public record KernelFinding(long earliest, long latest, Evidence evidence) {

    /** What shows that the kernel ended the connection. */
    public enum Evidence {
        /** It sent a RST. */
        RST_SENT,
        /** It received a RST. */
        RST_RECEIVED,
        /** It gave up: the application's socket reported {@code ETIMEDOUT}. */
        TIMED_OUT,
        /** The lab's sampling found the socket CLOSED (within one sampling period). */
        CLOSED_SAMPLED
    }

    /** The time the lab quotes: the earliest. */
    public long t() {
        return earliest;
    }
}
