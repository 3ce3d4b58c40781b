package org.keepalivelab.ui.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keepalivelab.lab.ConnectionStatus;
import org.keepalivelab.lab.LabSettings;
import org.keepalivelab.lab.SideStatus;
import org.keepalivelab.model.Direction;

/** When each command can act on a connection, and the words for why it cannot. */
class CommandTest {
    private static final String GONE = "Connection 3's client no longer holds its socket: it was closed, killed or aborted.";
    private static final Optional<String> MAY_SEVER = Optional.empty();

    @Test
    void everyCommandActsOnAnOpenConnectionButRestore() {
        assertEquals(Map.of(Command.RESTORE, "Nothing is severed on connection 3."), whyNot(status(true, false, false, Set.of())));
    }

    @Test
    void aClientClosingGracefullyCanStillBeKilledOrAbortedOrSevered() {
        String closing = "Connection 3's client is closing gracefully: it sent its FIN and sends nothing more.";
        assertEquals(Map.of(Command.SEND, closing, Command.CLOSE, closing, Command.RESTORE, "Nothing is severed on connection 3."),
                whyNot(status(true, true, false, Set.of())));
    }

    @Test
    void aClientGoneLeavesNothingButRestoreToDo() {
        assertEquals(Map.of(Command.SEND, GONE, Command.CLOSE, GONE, Command.KILL, GONE, Command.ABORT, GONE,
                Command.SEVER, GONE), whyNot(status(false, false, false, EnumSet.allOf(Direction.class))));
    }

    @Test
    void severNeedsTheServerStillOnItAndNothingSeveredYetAndTheLabAbleToSever() {
        assertEquals("Connection 3's server application has seen the connection end: nothing is left to sever.",
                Command.SEVER.whyNot(status(true, false, true, Set.of()), MAY_SEVER).orElseThrow());
        assertEquals("Connection 3 is severed already: Restore it first.",
                Command.SEVER.whyNot(status(true, false, false, Set.of(Direction.C2S)), MAY_SEVER).orElseThrow());
        assertEquals(Optional.empty(), Command.RESTORE.whyNot(status(true, false, false, Set.of(Direction.C2S)), MAY_SEVER));
        assertEquals(Optional.of("no filters here"),
                Command.SEVER.whyNot(status(true, false, false, Set.of()), Optional.of("no filters here")));
    }

    @Test
    void noConnectionLeavesNothingToActOn() {
        for (var command : Command.values()) {
            assertEquals(Optional.of("No connection is selected: Connect opens one."), command.whyNot(null, MAY_SEVER));
        }
        assertEquals(Optional.of("no filters here"), Command.SEVER.whyNot(null, Optional.of("no filters here")),
                "the mode's reason comes first: it lasts");
    }

    private static Map<Command, String> whyNot(ConnectionStatus status) {
        var reasons = new EnumMap<Command, String>(Command.class);
        for (var command : Command.values()) {
            command.whyNot(status, MAY_SEVER).ifPresent(reason -> reasons.put(command, reason));
        }
        return reasons;
    }

    private static ConnectionStatus status(boolean clientHeld, boolean clientClosing, boolean serverEnded,
                                           Set<Direction> severed) {
        return new ConnectionStatus(3, 40000, LabSettings.seed(), clientHeld, clientClosing, serverEnded,
                SideStatus.UNKNOWN, SideStatus.UNKNOWN, severed);
    }
}
