package org.keepalivelab.ui.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keepalivelab.lab.ConnectionStatus;
import org.keepalivelab.lab.Holding;
import org.keepalivelab.lab.LabSettings;
import org.keepalivelab.lab.SideStatus;
import org.keepalivelab.model.Direction;

/** When each command can act on a connection, and the words for why it cannot. */
class CommandTest {
    private static final String GONE = "Connection 3's client no longer holds its socket: it was closed, killed or aborted.";
    private static final String NOTHING_SEVERED = "Nothing is severed on connection 3.";
    private static final Optional<String> MAY_SEVER = Optional.empty();

    @Test
    void everyCommandActsOnAnOpenConnectionButRestore() {
        assertEquals(Map.of(Command.RESTORE, NOTHING_SEVERED), whyNot(status(Holding.OPEN, Holding.OPEN, false, Set.of())));
    }

    @Test
    void aClientClosingGracefullyCanStillBeKilledOrAbortedOrSevered() {
        String closing = "Connection 3's client is closing gracefully: it sent its FIN and sends nothing more.";
        assertEquals(Map.of(Command.SEND, closing, Command.CLOSE, closing, Command.HALF_CLOSE, closing,
                        Command.RESTORE, NOTHING_SEVERED),
                whyNot(status(Holding.CLOSING, Holding.OPEN, false, Set.of())));
    }

    @Test
    void aHalfClosedClientSendsNothingMoreButMayStillClose() {
        String halfClosed = "Connection 3's client has half-closed: it sent its FIN and sends nothing more.";
        assertEquals(Map.of(Command.SEND, halfClosed, Command.HALF_CLOSE, halfClosed, Command.RESTORE, NOTHING_SEVERED),
                whyNot(status(Holding.OUTPUT_SHUT, Holding.OPEN, false, Set.of())));
    }

    @Test
    void aClientGoneLeavesTheServersCommandsAndRestore() {
        assertEquals(Map.of(Command.SEND, GONE, Command.CLOSE, GONE, Command.HALF_CLOSE, GONE, Command.KILL, GONE,
                Command.ABORT, GONE, Command.SEVER, GONE), whyNot(status(Holding.GONE, Holding.OPEN, false,
                EnumSet.allOf(Direction.class))));
    }

    @Test
    void theServersFaultsNeedTheServerHoldingItsSocket() {
        String serverGone = "Connection 3's server no longer holds its socket: it was closed, killed or aborted.";
        assertEquals(Map.of(Command.CLOSE_SERVER, serverGone, Command.KILL_SERVER, serverGone,
                        Command.ABORT_SERVER, serverGone, Command.RESTORE, NOTHING_SEVERED,
                        Command.SEVER, "Connection 3's server application has seen the connection end: nothing is left to sever."),
                whyNot(status(Holding.OPEN, Holding.GONE, true, Set.of())));
        assertEquals(Map.of(Command.CLOSE_SERVER, "Connection 3's server is closing gracefully: it sent its FIN and sends nothing more.",
                        Command.RESTORE, NOTHING_SEVERED),
                whyNot(status(Holding.OPEN, Holding.CLOSING, false, Set.of())));
        assertEquals(Optional.of("Connection 3's server does not hold the connection yet."),
                Command.KILL_SERVER.whyNot(status(Holding.OPEN, Holding.NOT_YET, false, Set.of()), MAY_SEVER));
    }

    @Test
    void severNeedsTheServerStillOnItAndNothingSeveredYetAndTheLabAbleToSever() {
        assertEquals("Connection 3's server application has seen the connection end: nothing is left to sever.",
                Command.SEVER.whyNot(status(Holding.OPEN, Holding.OPEN, true, Set.of()), MAY_SEVER).orElseThrow());
        assertEquals("Connection 3 is severed already: Restore it first.",
                Command.SEVER.whyNot(status(Holding.OPEN, Holding.OPEN, false, Set.of(Direction.C2S)), MAY_SEVER).orElseThrow());
        assertEquals(Optional.empty(), Command.RESTORE.whyNot(status(Holding.OPEN, Holding.OPEN, false, Set.of(Direction.C2S)), MAY_SEVER));
        assertEquals(Optional.of("no filters here"),
                Command.SEVER.whyNot(status(Holding.OPEN, Holding.OPEN, false, Set.of()), Optional.of("no filters here")));
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

    private static ConnectionStatus status(Holding client, Holding server, boolean serverEnded, Set<Direction> severed) {
        return new ConnectionStatus(3, 40000, LabSettings.seed(), "", client, server, serverEnded,
                SideStatus.UNKNOWN, SideStatus.UNKNOWN, severed);
    }
}
