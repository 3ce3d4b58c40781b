package org.keepalivelab.explain;

import java.util.OptionalLong;

/**
 * One sentence of a story.
 *
 * @param t     the moment it is about, in the lab's nanoseconds, for the timeline to point at; empty for
 *              a sentence about the whole connection
 * @param basis measured, or predicted (what the kernel will do next, from its own timers)
 */
public record Sentence(String text, OptionalLong t, Basis basis) {

    /** What the events of the run show, about the moment {@code t}. */
    static Sentence measured(long t, String text) {
        return new Sentence(text, OptionalLong.of(t), Basis.MEASURED);
    }

    /** What the kernel's timers say will happen at {@code t}. */
    static Sentence predicted(long t, String text) {
        return new Sentence(text, OptionalLong.of(t), Basis.PREDICTED);
    }
}
