package org.keepalivelab.lab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.keepalivelab.model.Action;
import org.keepalivelab.model.Direction;

/** A step is parsed once, into its action; a script of a headless run fills in what the command leaves out. */
class ScriptStepTest {

    @Test
    void aStepIsParsedIntoItsActionAndWrittenBackAsGiven() {
        assertAll(
                () -> assertEquals(new ScriptStep(Duration.ofSeconds(2), new Action.Sever(Set.of(Direction.C2S)), 2),
                        ScriptStep.parse("2s:sever c2s@2")),
                () -> assertEquals(new ScriptStep(Duration.ofMillis(200), new Action.Send(5), ScriptStep.ALL),
                        ScriptStep.parse(" 0.2s: send 5 @all ")),
                () -> assertEquals(new Action.Sever(Set.of(Direction.C2S, Direction.S2C)),
                        ScriptStep.parse("1s:sever").action()),
                () -> assertEquals(new Action.Connect(), ScriptStep.parse("0s:connect").action()),
                () -> assertEquals(new Action.Connect(OptionalInt.of(1)), ScriptStep.parse("0s:connect 1").action()),
                () -> assertEquals(List.of("0s:connect 200", "0.2s:reply 7@3", "1s:sever both", "3s:restore@all"),
                        Stream.of("0s:connect 200", "0.2s:reply 7@3", "1s:sever", "3s:restore@all")
                                .map(ScriptStep::parse).map(ScriptStep::toString).toList()));
    }

    @Test
    void aHeadlessScriptIsTheSeedsWithoutStepsAndOpensTheClientsAConnectLeavesOpen() {
        var steps = Stream.of("1s:kill", "0s:connect", "0.5s:connect 1").map(ScriptStep::parse).toList();

        assertAll(
                () -> assertEquals("[0s:connect, 0.2s:send 5@all, 1s:kill@all]",
                        Script.of(List.of(), 1, null, Duration.ofSeconds(90)).steps().toString()),
                () -> assertEquals("[0s:connect 3, 0.2s:send 5@all, 1s:kill@all]",
                        Script.of(List.of(), 3, null, Duration.ofSeconds(90)).steps().toString()),
                () -> assertEquals("[0s:connect 4, 0.5s:connect 1, 1s:kill]",
                        Script.of(steps, 4, null, Duration.ofSeconds(90)).steps().toString()));
    }
}
