package org.keepalivelab.explain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;
import org.keepalivelab.model.Side;

/**
 * A connection explained: when each surviving side learned of its fault, its story, and the times of the
 * probes a reset middlebox answered ({@link ProbeVerdict.AnsweredBy#MIDDLEBOX}), which the timeline draws
 * dropped and the window's details word as the middlebox's.
 */
public record Explanation(List<Detection> detections, Story story, List<Long> answeredByMiddlebox) {
    public Explanation {
        detections = List.copyOf(detections);
        answeredByMiddlebox = List.copyOf(answeredByMiddlebox);
    }

    /** An explanation in which no middlebox answered a probe. */
    public Explanation(List<Detection> detections, Story story) {
        this(detections, story, List.of());
    }

    /**
     * Explains one connection from its facts, by rules ({@link StoryRules}): pure, no I/O, so the
     * window can explain the selected connection on every refresh and a test from events it builds.
     */
    public static Explanation of(ConnectionFacts facts) {
        return of(new ConnectionEvents(facts));
    }

    /** From facts whose probes were judged already: the verdict on the probe at each index of its events. */
    static Explanation of(ConnectionFacts facts, IntFunction<ProbeVerdict> verdicts) {
        return of(new ConnectionEvents(facts, verdicts));
    }

    private static Explanation of(ConnectionEvents events) {
        var facts = events.facts;
        var detections = Detections.of(events);
        var sentences = new ArrayList<Sentence>();
        for (var rule : StoryRules.values()) {
            sentences.addAll(rule.tell(events, detections));
        }
        // In time order; at equal times, in the rules' order (the sort is stable); a sentence about the
        // whole connection last.
        sentences.sort(Comparator.comparingLong(s -> s.t().orElse(Long.MAX_VALUE)));
        var middlebox = Arrays.stream(Side.values()).flatMap(side -> events.probes(side).stream())
                .filter(p -> p.verdict().by().orElse(null) == ProbeVerdict.AnsweredBy.MIDDLEBOX)
                .map(ConnectionEvents.SentProbe::t).toList();
        return new Explanation(detections, new Story(facts.conn(), sentences), middlebox);
    }
}
