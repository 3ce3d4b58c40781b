package org.keepalivelab.explain;

import java.util.List;
import java.util.stream.LongStream;
import org.keepalivelab.lab.ConnectionStatus;
import org.keepalivelab.model.TcpState;

/** The rule that ends a live story with what the kernels will do next, by their own timers. */
final class NextStory {
    private NextStory() {
    }

    /**
     * NEXT_STEP: while the run goes on, each side's armed timer as the lab last sampled it
     * ({@code /proc/net/tcp}'s {@code tm->when}), in the status line's words ({@link KernelNextStep}).
     */
    static List<Sentence> nextStep(ConnectionEvents events, List<Detection> detections) {
        return events.facts.live().filter(NextStory::stillOpen).map(status -> {
            long now = events.facts.now();
            long at = LongStream.concat(KernelNextStep.firesAt(status.server(), now).stream(),
                    KernelNextStep.firesAt(status.client(), now).stream()).min().orElse(now);
            return List.of(Sentence.predicted(Math.max(at, events.end()), "Next, by the kernels' own timers: "
                    + KernelNextStep.describe(status, now, events.facts.kernel().keepaliveProbes()) + "."));
        }).orElse(List.of());
    }

    /** Either side's socket still lives in its kernel: once both are closed, no timer of theirs is left. */
    private static boolean stillOpen(ConnectionStatus status) {
        return status.client().state() != TcpState.CLOSED || status.server().state() != TcpState.CLOSED;
    }
}
