package org.keepalivelab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import org.keepalivelab.explain.Explanation;
import org.keepalivelab.explain.RunExplanations;
import org.keepalivelab.lab.Run;

/**
 * A headless run's last sink: prints, for people, each connection's detections and story once the
 * script is over. Scripts read the event log, which holds the same records.
 */
final class StoryPrinter {
    /** The most stories an import prints: a capture of thousands of connections has its log for the rest. */
    private static final int CAPTURE_STORIES = 20;

    private StoryPrinter() {
    }

    static Run.Sink sink(PrintWriter out, RunExplanations explained) {
        return lab -> {
            explained.of(lab).forEach(explanation -> print(out, explanation));
            out.flush();
            return Optional.empty();
        };
    }

    /** One connection's detections and story, for people. */
    static void print(PrintWriter out, Explanation explanation) {
        out.println();
        out.println("Connection " + explanation.story().conn());
        explanation.detections().forEach(d -> out.println("  " + d.summary()));
        explanation.story().sentences().forEach(s -> out.println("  " + s.text()));
    }

    /**
     * An imported capture's stories: every connection's for a few connections; for more, those with a
     * fault and a line for the rest, whose stories the event log holds.
     */
    static void printCapture(PrintWriter out, List<Explanation> explanations) {
        var shown = explanations.size() <= CAPTURE_STORIES ? explanations
                : explanations.stream().filter(e -> !e.detections().isEmpty()).limit(CAPTURE_STORIES).toList();
        shown.forEach(e -> print(out, e));
        if (shown.size() < explanations.size()) {
            out.println();
            out.println((explanations.size() - shown.size()) + " more connections: their stories are in events.jsonl.");
        }
        out.flush();
    }
}
