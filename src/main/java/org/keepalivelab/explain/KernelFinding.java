package org.keepalivelab.explain;

/**
 * When one side's kernel knew the connection was over, and how the lab knows.
 *
 * @param t        the time the lab quotes, in the lab's nanoseconds: the evidence's own event for a
 *                 measurement, the likeliest time for a prediction
 * @param earliest the earliest it can have been: {@code t} for a captured segment or an error the
 *                 application saw, one sampling period before {@code t} for a sampled state (the
 *                 sample before it still saw the socket), earlier for a prediction
 * @param latest   the latest it can have been: {@code t} for a measurement, later for a prediction
 */
public record KernelFinding(long t, long earliest, long latest, Evidence evidence) {

    public KernelFinding {
        if (earliest > t || t > latest) {
            throw new IllegalArgumentException("a finding's range must hold its time: " + earliest + " <= " + t
                    + " <= " + latest);
        }
    }

    /** Evidence seen at the moment it happened: a captured segment, an application's error. */
    public static KernelFinding exact(long t, Evidence evidence) {
        return new KernelFinding(t, t, t, evidence);
    }

    /** A CLOSED state the lab's sampling found at {@code t}, sampling every {@code periodNanos}. */
    public static KernelFinding sampled(long t, long periodNanos) {
        return new KernelFinding(t, t - periodNanos, t, Evidence.CLOSED_SAMPLED);
    }

    /** What shows that the kernel ended the connection. */
    public enum Evidence {
        /** It sent a RST. */
        RST_SENT("it sent a RST"),
        /** It received a RST. */
        RST_RECEIVED("it received a RST"),
        /** It gave up: the application's socket reported {@code ETIMEDOUT}. */
        TIMED_OUT("ETIMEDOUT"),
        /** The lab's sampling found the socket CLOSED (within one sampling period). */
        CLOSED_SAMPLED("found CLOSED"),
        /**
         * A capture shows its unanswered probes stop and nothing more from it: its keep-alive timer gave
         * up at the next probe's time without a RST the capture shows ({@link CaptureFault#probesStopped}).
         */
        PROBES_STOPPED("its probes stopped");

        private final String words;

        Evidence(String words) {
            this.words = words;
        }

        /** How a story says it: {@code "it received a RST"}. */
        public String words() {
            return words;
        }
    }
}
