package org.keepalivelab.export;

import java.util.List;
import java.util.Optional;
import org.keepalivelab.lab.LabSettings;
import org.keepalivelab.linux.KernelSettings;

/**
 * What an event log ({@link EventLog}, format {@value EventLog#FORMAT}) says of the run it records,
 * read back by {@link EventLogReader}: its header's facts, each connection's label and settings, and
 * how many events it held. The events themselves are on the timeline it was read onto.
 *
 * @param source          who made the log: {@code "lab"} for a run, {@code "capture"} for an import
 * @param startEpochNanos when {@code t} = 0 was, ns since the epoch
 * @param serverAddress   the lab's server's address ({@code 127.0.0.1}); empty in an import's log
 * @param serverPort      the lab's server's port; 0 in an import's log
 * @param kernel          the TCP settings of the kernel the run ran on; -1 for a value the log does not give
 * @param events          the events read onto the timeline
 * @param lastT           the latest event's time, ns; 0 without events
 * @param problem         where the log stopped making sense, in one sentence naming the file and the
 *                        line; empty when every line read. The events before that line were read.
 */
public record LoggedRun(String source, long startEpochNanos, String serverAddress, int serverPort, KernelSettings kernel,
                        List<Connection> connections, int events, long lastT, Optional<String> problem) {

    /**
     * One connection of the header.
     *
     * @param clientPort the client's local port; 0 where the log does not give it (one written before
     *                   the field, or an import's, whose ends are in {@code client})
     * @param label      its label, or ""
     * @param settings   the settings it was opened with; empty where the log does not give them (an import's)
     */
    public record Connection(int conn, int clientPort, String label, Optional<LabSettings> settings) {
    }

    public LoggedRun {
        connections = List.copyOf(connections);
    }
}
