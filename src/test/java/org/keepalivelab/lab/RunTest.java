package org.keepalivelab.lab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.keepalivelab.model.ActionEvent;

/**
 * A headless run on a real lab, told it runs on another system (no capture needed): the caller hears
 * it start, then every sink writes, in order, whatever the script came to.
 */
class RunTest {
    private static final Isolation OTHER = Isolation.otherSystem(LabRun.OTHER_SYSTEM);

    private final List<String> heard = new ArrayList<>();

    private final Run.Listener listener = new Run.Listener() {
        @Override
        public void started(Lab lab) {
            heard.add("started with " + lab.connections().size() + " connections");
        }

        @Override
        public void wrote(Run.Written written) {
            heard.add("wrote " + written.file() + " (" + written.contents() + ")");
        }
    };

    /** A sink that writes no file and says how many connections and actions the lab recorded. */
    private static Run.Sink counting(String name) {
        return lab -> Optional.of(new Run.Written(Path.of(name), "connections: " + lab.connections().size()
                + ", actions: " + lab.timeline().snapshot().stream().filter(ActionEvent.class::isInstance).count()));
    }

    private static Script script(Duration timeout, String... steps) {
        return new Script(Stream.of(steps).map(ScriptStep::parse).toList(), null, timeout);
    }

    @Test
    void theSinksWriteInTheirOrderOnceTheScriptIsDone() throws Exception {
        var outcome = Run.play(LabSettings.seed(), OTHER, script(Duration.ofSeconds(30), "0s:connect 2", "0.1s:kill@all"),
                List.of(counting("first"), lab -> Optional.empty(), counting("second")), listener);

        assertEquals(Script.Outcome.DONE, outcome);
        assertEquals(List.of("started with 0 connections", "wrote first (connections: 2, actions: 4)",
                "wrote second (connections: 2, actions: 4)"), heard);
    }

    @Test
    void aFailedStepStillHasTheSinksWriteWhatWasRecorded() {
        var failure = assertThrows(LabException.class, () -> Run.play(LabSettings.seed(), OTHER,
                script(Duration.ofSeconds(30), "0s:connect", "0.1s:kill@2"), List.of(counting("log")), listener));

        assertAll(
                () -> assertEquals("There is no connection 2.", failure.getMessage()),
                () -> assertEquals(List.of("started with 0 connections", "wrote log (connections: 1, actions: 1)"), heard));
    }

    @Test
    void aScriptStillRunningAtItsTimeoutTimesOutAndIsWritten() throws Exception {
        // The seed's read-once server never ends by itself while its client lives.
        var outcome = Run.play(LabSettings.seed(), OTHER, script(Duration.ofMillis(300), "0s:connect"),
                List.of(counting("log")), listener);

        assertEquals(Script.Outcome.TIMED_OUT, outcome);
        assertEquals("wrote log (connections: 1, actions: 1)", heard.getLast());
    }
}
