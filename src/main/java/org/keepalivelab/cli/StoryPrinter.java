package org.keepalivelab.cli;

import java.io.PrintWriter;
import java.util.Optional;
import org.keepalivelab.explain.Explanation;
import org.keepalivelab.explain.LabFacts;
import org.keepalivelab.lab.Run;
import org.keepalivelab.linux.KernelSettings;

/**
 * A headless run's last sink: prints, for people, each connection's detections and story once the
 * script is over. Scripts read the event log, which holds the same records.
 */
final class StoryPrinter {
    private StoryPrinter() {
    }

    static Run.Sink sink(PrintWriter out) {
        return lab -> {
            for (var facts : LabFacts.ofFinished(lab, KernelSettings.read())) {
                var explanation = Explanation.of(facts);
                out.println();
                out.println("Connection " + facts.conn());
                explanation.detections().forEach(d -> out.println("  " + d.summary()));
                explanation.story().sentences().forEach(s -> out.println("  " + s.text()));
            }
            out.flush();
            return Optional.empty();
        };
    }
}
