package org.keepalivelab.explain;

import java.util.List;

/** A connection explained: when each surviving side learned of its fault, and its story. */
public record Explanation(List<Detection> detections, Story story) {
    public Explanation {
        detections = List.copyOf(detections);
    }

    // SEAM: issue 11's explain helper replaces this with the detection and story rules.
    public static Explanation of(ConnectionFacts facts) {
        return new Explanation(List.of(), new Story(facts.conn(), List.of()));
    }
}
