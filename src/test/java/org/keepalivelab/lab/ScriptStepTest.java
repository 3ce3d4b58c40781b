package org.keepalivelab.lab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keepalivelab.model.Action;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.IdleMode;
import org.keepalivelab.model.Side;

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
    void theFaultsTakeASideHalfCloseAndSeverIdleTheirOwnForms() {
        assertAll(
                () -> assertEquals(new Action.Kill(Side.SERVER), ScriptStep.parse("1s:kill server").action()),
                () -> assertEquals(new Action.Abort(Side.SERVER), ScriptStep.parse("1s:abort server@2").action()),
                () -> assertEquals(new Action.Close(Side.SERVER), ScriptStep.parse("1s:close server@all").action()),
                () -> assertEquals(new Action.Kill(Side.CLIENT), ScriptStep.parse("1s:kill client").action()),
                () -> assertEquals(new Action.HalfClose(), ScriptStep.parse("1s:half-close").action()),
                () -> assertEquals(new Action.SeverIdle(8, IdleMode.DROP), ScriptStep.parse("1s:sever-idle 8").action()),
                () -> assertEquals(new Action.SeverIdle(8, IdleMode.RESET), ScriptStep.parse("1s:sever-idle 8 reset@3").action()),
                () -> assertEquals(List.of("1s:kill server@2", "1s:kill", "1s:half-close@all", "2s:sever-idle 8 drop",
                                "2s:sever-idle 30 reset@2", "3s:close server"),
                        Stream.of("1s:kill server@2", "1s:kill client", "1s:half-close@all", "2s:sever-idle 8",
                                "2s:sever-idle 30 reset@2", "3s:close server").map(ScriptStep::parse).map(ScriptStep::toString).toList()));
    }

    @Test
    void aConnectCarriesSettingsOfItsOwnAndALabelAppliedOverTheLabs() {
        var step = ScriptStep.parse("0s:connect 2 server-keepalive=12,3,3 server-policy=read-close "
                + "server-orphan-lifetime=4 label=\"every 12 s\"");
        var settings = step.options().settings().applyTo(LabSettings.seed());
        assertAll(
                () -> assertEquals(new Action.Connect(OptionalInt.of(2)), step.action()),
                () -> assertEquals("every 12 s", step.options().label()),
                () -> assertEquals(KeepaliveSettings.of(12, 3, 3), settings.server().keepalive()),
                () -> assertEquals(ServerPolicy.READ_CLOSE, settings.serverPolicy()),
                () -> assertEquals(4, settings.serverOrphanLifetimeSeconds()),
                () -> assertEquals(LabSettings.seed().client(), settings.client(), "what it does not give stays the lab's"),
                () -> assertEquals("0s:connect 2 server-keepalive=12,3,3 server-policy=read-close server-orphan-lifetime=4 "
                        + "label=\"every 12 s\"", step.toString()),
                () -> assertEquals(step, ScriptStep.parse(step.toString()), "written back, read back the same"),
                () -> assertEquals("label=every-12s", ScriptStep.parse("0s:connect label=every-12s").options().toString()),
                () -> assertEquals(Set.of(), Set.copyOf(ScriptStep.parse("0s:connect").options().settings().values())),
                () -> assertEquals(0, ScriptStep.parse("0s:connect client-keepalive=off orphan-lifetime=0 "
                        + "client-user-timeout=0").options().settings().applyTo(LabSettings.seed()).orphanLifetimeSeconds()));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", value = {
        "1s:kill nobody                      => '1s:kill nobody': kill takes client or server (default client), not 'nobody'",
        "1s:abort server client              => '1s:abort server client': abort takes client or server (default client), not 'server client'",
        "1s:half-close server                => '1s:half-close server': half-close takes no argument: it is the client's",
        "1s:sever-idle                       => '1s:sever-idle': sever-idle takes SECONDS [drop|reset], e.g. sever-idle 8 reset",
        "1s:sever-idle 0                     => '1s:sever-idle 0': sever-idle's idle time must be 1..432000 s, not 0",
        "1s:sever-idle soon                  => '1s:sever-idle soon': sever-idle's idle time must be a whole number, 1..432000 s, not 'soon'",
        "1s:sever-idle 8 forget              => '1s:sever-idle 8 forget': sever-idle's middlebox drops or resets (drop|reset), not 'forget'",
        "1s:sever c2s s2c                    => '1s:sever c2s s2c': sever takes both, c2s or s2c",
        "1s:restore now                      => '1s:restore now': restore takes no argument",
        "1s:send                             => '1s:send': send takes a byte count, 1..16777216",
        "1s:explode                          => '1s:explode': unknown action 'explode'; actions are connect [N] [KEY=VALUE…], send N, reply N, "
                + "close [client|server], kill [client|server], abort [client|server], half-close, sever [both|c2s|s2c], "
                + "sever-idle SECONDS [drop|reset], restore",
        "0s:connect 0                        => '0s:connect 0': connect takes a client count, 1..1000",
        "0s:connect@2                        => '0s:connect@2': connect opens new connections, it takes no @CONN",
        "0s:connect fast                     => '0s:connect fast': connect takes a client count and KEY=VALUE settings, not 'fast'",
        "0s:connect speed=9                  => '0s:connect speed=9': connect's settings are server-policy, server-keepalive, "
                + "client-keepalive, server-user-timeout, client-user-timeout, orphan-lifetime, server-orphan-lifetime and label, not 'speed'",
        "0s:connect server-keepalive=0,1     => '0s:connect server-keepalive=0,1': keepalive idle must be 1..32767 s, not 0",
        "0s:connect orphan-lifetime=500      => '0s:connect orphan-lifetime=500': orphan lifetime must be 1..120 s, not 500 (or 0: the kernel's tcp_fin_timeout)",
        "0s:connect server-policy=read-never => '0s:connect server-policy=read-never': server policy must be one of read-once, read-close, read-keep, not 'read-never'",
        "0s:connect client-user-timeout=-1   => '0s:connect client-user-timeout=-1': TCP_USER_TIMEOUT must be 0..2147483647 ms, not -1",
        "0s:connect server-keepalive=off server-keepalive=5,5 => '0s:connect server-keepalive=off server-keepalive=5,5': server-keepalive is given twice",
        "0s:connect label=a label=b          => '0s:connect label=a label=b': label is given twice",
        "0s:connect label=a@b                => '0s:connect label=a@b': a label is 1..40 letters, digits, spaces and - _ . , + / ( ) %, in double quotes when it holds a space, not 'a@b'",
        "0s:connect label=\"unclosed         => '0s:connect label=\"unclosed': a double quote is not closed",
        "0s:connect label=it's               => '0s:connect label=it's': a label is 1..40 letters, digits, spaces and - _ . , + / ( ) %, in double quotes when it holds a space, not 'it's'",
    })
    void whatTheLabCouldNotDoIsRefusedInOneSentence(String step, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> ScriptStep.parse(step)).getMessage());
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

    @Test
    void everyActionTheEventLogWritesReadsBackByTheScriptsWords() {
        List<Action> actions = List.of(new Action.Connect(), new Action.Connect(OptionalInt.of(200)), new Action.Send(5),
                new Action.Reply(7), new Action.Restore(), new Action.Close(), new Action.Close(Side.SERVER),
                new Action.Kill(), new Action.Kill(Side.SERVER), new Action.Abort(), new Action.Abort(Side.SERVER),
                new Action.HalfClose(), new Action.SeverIdle(8, IdleMode.DROP), new Action.SeverIdle(30, IdleMode.RESET),
                new Action.Forget(IdleMode.DROP), new Action.Forget(IdleMode.RESET, Set.of(Direction.C2S)),
                new Action.Forget(IdleMode.DROP, Set.of()), new Action.Sever(Set.of(Direction.C2S, Direction.S2C)),
                new Action.Sever(Set.of(Direction.S2C)));
        assertEquals(actions, actions.stream().map(a -> ScriptStep.journaled(a.verb(), a.args())).toList());
        var refused = assertThrows(IllegalArgumentException.class, () -> ScriptStep.journaled("forget", "sometimes"));
        assertEquals("forget's middlebox drops or resets (drop|reset), not 'sometimes'", refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ScriptStep.parse("1s:forget drop"),
                "a script cannot make a middlebox forget: it arms one with sever-idle");
    }
}
