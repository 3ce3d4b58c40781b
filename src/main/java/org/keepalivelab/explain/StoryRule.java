package org.keepalivelab.explain;

import java.util.List;

/**
 * One rule of a story: a named predicate over a connection's events and the sentences it yields
 * where it holds, each with this run's numbers, as Wireshark's analysis names each classification.
 * docs/explain.md lists them all, each with the kernel source that makes it true.
 */
@FunctionalInterface
interface StoryRule {
    /** The sentences this rule tells of {@code events}, none where its predicate does not hold. */
    List<Sentence> tell(ConnectionEvents events, List<Detection> detections);
}
