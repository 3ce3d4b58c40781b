package org.keepalivelab.explain;

import java.util.Optional;
import org.keepalivelab.model.SegmentKind;

/**
 * What became of one keep-alive probe, by the model's rule ({@code model.ProbeAnswers}), in the words
 * the event log uses.
 *
 * @param by what answered it; empty unless {@code outcome} is {@link Outcome#ANSWERED}
 */
public record ProbeVerdict(Outcome outcome, Optional<AnsweredBy> by) {

    public static final ProbeVerdict UNANSWERED = new ProbeVerdict(Outcome.UNANSWERED, Optional.empty());
    public static final ProbeVerdict PENDING = new ProbeVerdict(Outcome.PENDING, Optional.empty());
    public static final ProbeVerdict UNKNOWN = new ProbeVerdict(Outcome.UNKNOWN, Optional.empty());

    public static ProbeVerdict answered(AnsweredBy by) {
        return new ProbeVerdict(Outcome.ANSWERED, Optional.of(by));
    }

    /** Whether the probe was answered: empty where the record cannot say (pending, or inferred). */
    public Optional<Boolean> answered() {
        return switch (outcome) {
            case ANSWERED -> Optional.of(true);
            case UNANSWERED -> Optional.of(false);
            case PENDING, UNKNOWN -> Optional.empty();
        };
    }

    public enum Outcome {
        ANSWERED,
        /** Lost to a sever, or its sender moved on (another probe, a RST) with no answer. */
        UNANSWERED,
        /** The record ends while it waits: what came next might have answered it. */
        PENDING,
        /** Inferred, not captured (limited mode): the lab saw neither it nor an answer. */
        UNKNOWN
    }

    /** What answered a probe: the peer's segment, or a middlebox in its name, in the event log's words. */
    public enum AnsweredBy {
        /** The keep-alive ACK: the peer's socket is alive and idle. */
        KEEPALIVE_ACK,
        /** A reset: the peer's kernel no longer knows the connection. */
        RST,
        /** Data: the peer had something to say anyway. */
        DATA,
        /** Any other acknowledgement (a changed or zero window, a FIN). */
        ACK,
        /**
         * A reset middlebox: it had forgotten the connection, dropped the probe and answered with a RST to
         * each end in the other's name ({@link ForgedResets}); the peer never saw the probe.
         */
        MIDDLEBOX;

        /** True for the live peer's own answer: its socket is there and idle (not a RST, not a middlebox's). */
        public boolean fromALivePeer() {
            return this != RST && this != MIDDLEBOX;
        }

        static AnsweredBy of(SegmentKind kind, int payload) {
            if (kind == SegmentKind.RST) {
                return RST;
            }
            if (kind == SegmentKind.KEEPALIVE_ACK) {
                return KEEPALIVE_ACK;
            }
            return payload > 0 ? DATA : ACK;
        }
    }
}
