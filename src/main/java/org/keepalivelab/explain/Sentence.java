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
}
