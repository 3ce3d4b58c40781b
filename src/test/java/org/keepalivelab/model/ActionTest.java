package org.keepalivelab.model;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each action's words: the event log's (which must not change), the script's and the timeline's. */
class ActionTest {

    @Test
    void theEventLogsWordsAreTheScriptsWords() {
        assertAll(
                () -> assertWords("connect", "", "connect", "connect", new Action.Connect()),
                () -> assertWords("connect", "200", "connect 200", "connect 200", new Action.Connect(OptionalInt.of(200))),
                () -> assertWords("send", "5", "send 5", "send 5 B", new Action.Send(5)),
                () -> assertWords("reply", "7", "reply 7", "reply 7 B", new Action.Reply(7)),
                () -> assertWords("close", "", "close", "close gracefully", new Action.Close()),
                () -> assertWords("kill", "", "kill", "kill client", new Action.Kill()),
                () -> assertWords("abort", "", "abort", "abort (RST)", new Action.Abort()),
                () -> assertWords("sever", "both", "sever both", "sever both",
                        new Action.Sever(EnumSet.allOf(Direction.class))),
                () -> assertWords("sever", "c2s", "sever c2s", "sever c2s", new Action.Sever(Set.of(Direction.C2S))),
                () -> assertWords("sever", "s2c", "sever s2c", "sever s2c", new Action.Sever(Set.of(Direction.S2C))),
                () -> assertWords("restore", "", "restore", "restore", new Action.Restore()));
    }

    private static void assertWords(String verb, String args, String script, String words, Action action) {
        assertEquals(List.of(verb, args, script, words),
                List.of(action.verb(), action.args(), action.scriptText(), action.words()), action::toString);
    }

    @Test
    void aMiddleboxsWordsSayHowItWasArmedAndWhatItCutWhenItForgot() {
        assertAll(
                () -> assertWords("sever-idle", "8 drop", "sever-idle 8 drop", "middlebox forgets after 8 s idle (drop)",
                        new Action.SeverIdle(8, IdleMode.DROP)),
                () -> assertWords("forget", "drop", "forget drop", "middlebox forgot: drops", new Action.Forget(IdleMode.DROP)),
                () -> assertWords("forget", "reset", "forget reset", "middlebox forgot: resets",
                        new Action.Forget(IdleMode.RESET, Set.of(Direction.S2C, Direction.C2S))),
                () -> assertWords("forget", "drop c2s", "forget drop c2s", "middlebox forgot: drops (c2s only)",
                        new Action.Forget(IdleMode.DROP, Set.of(Direction.C2S))),
                () -> assertWords("forget", "reset none", "forget reset none", "middlebox forgot: resets (nothing it could cut)",
                        new Action.Forget(IdleMode.RESET, Set.of())));
    }

    @Test
    void theFaultsAreWhatBreaksAPeerOrThePath() {
        List<Action> actions = List.of(new Action.Connect(), new Action.Send(5), new Action.Reply(5), new Action.Restore(),
                new Action.Close(), new Action.Kill(), new Action.Abort(), new Action.Sever(Set.of(Direction.C2S)));

        assertEquals(List.of("close", "kill", "abort", "sever"),
                actions.stream().filter(Action.Fault.class::isInstance).map(Action::verb).toList());
    }

    @Test
    void aSeverCutsSomeDirectionInDirectionOrderAndIsAValue() {
        var both = new Action.Sever(Set.of(Direction.S2C, Direction.C2S));

        assertAll(
                () -> assertEquals(List.of(Direction.C2S, Direction.S2C), List.copyOf(both.directions())),
                () -> assertEquals(new Action.Sever(EnumSet.allOf(Direction.class)), both),
                () -> assertThrows(UnsupportedOperationException.class, () -> both.directions().remove(Direction.C2S)),
                () -> assertThrows(IllegalArgumentException.class, () -> new Action.Sever(Set.of())));
    }
}
