package org.keepalivelab.lab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A run without a window: starts a lab, plays a script on it, then hands what the lab recorded to the
 * caller's sinks (the exports), in their order, also when a step failed: what was recorded is never
 * lost. It prints nothing itself; the caller's listener hears what happens.
 */
public final class Run {

    /** Where a run's record goes once its script is over: an export file. */
    @FunctionalInterface
    public interface Sink {
        /** Writes what {@code lab} recorded; empty when this sink had nothing to write (no capture, no pcap). */
        Optional<Written> write(Lab lab) throws IOException;
    }

    /** A file a sink wrote, and what it holds in a few words ({@code "12 events"}). */
    public record Written(Path file, String contents) {
    }

    /** What the caller hears of a run. */
    public interface Listener {
        /** The lab is up; the script starts next. */
        void started(Lab lab);

        /** A sink wrote its file. */
        void wrote(Written written);
    }

    private Run() {
    }

    /**
     * Starts a lab with {@code settings} where {@code isolation} says, plays {@code script} on it, writes
     * the sinks and closes the lab.
     *
     * @return {@link Script.Outcome#TIMED_OUT} when the script's timeout came first
     * @throws LabException when a step fails (its message says why); the sinks are written all the same
     * @throws IOException  when the lab cannot start, or a sink cannot write (the sinks after it are not written)
     */
    public static Script.Outcome play(LabSettings settings, Isolation isolation, Script script, List<Sink> sinks,
                                      Listener listener) throws IOException, InterruptedException {
        try (var lab = Lab.start(settings, isolation)) {
            listener.started(lab);
            try {
                return script.run(lab);
            } finally {
                for (var sink : sinks) {
                    sink.write(lab).ifPresent(listener::wrote);
                }
            }
        }
    }
}
