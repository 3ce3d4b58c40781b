package org.keepalivelab.ui.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keepalivelab.lab.ConnectionStatus;
import org.keepalivelab.lab.Holding;
import org.keepalivelab.lab.LabSettings;
import org.keepalivelab.lab.SideStatus;
import org.keepalivelab.linux.KernelTimer;
import org.keepalivelab.model.AppEvent;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.TcpState;
import org.keepalivelab.model.Timeline;

/** A row of the connection list: its words, made anew only when what it shows changes. */
class ConnectionRowTest {

    @Test
    void showsEachSidesKernelStateAndHowItEndedForTheServer() {
        var row = new ConnectionRow(status(side(TcpState.ESTABLISHED, false, 0), side(TcpState.ESTABLISHED, false, 0),
                false, Set.of()));
        assertEquals(7, row.conn());
        assertEquals("52344", row.port());
        row.update(status(side(TcpState.ESTABLISHED, false, 0), side(TcpState.ESTABLISHED, false, 0), false,
                Set.of(Direction.C2S, Direction.S2C)), null);
        assertEquals("ESTABLISHED", row.clientProperty().get());
        assertEquals("open, severed", row.outcomeProperty().get());

        row.update(status(side(TcpState.FIN_WAIT2, true, 1), side(TcpState.CLOSED, false, 2), true, Set.of()), null);
        assertEquals("FIN_WAIT2 orphan", row.clientProperty().get());
        assertEquals("CLOSED", row.serverProperty().get());
        assertEquals("ended", row.outcomeProperty().get(), "until the timeline says how");
        row.update(status(side(TcpState.FIN_WAIT2, true, 1), side(TcpState.CLOSED, false, 2), true, Set.of()), "timed out");
        assertEquals("timed out", row.outcomeProperty().get());

        row.update(status(SideStatus.UNKNOWN, SideStatus.UNKNOWN, true, Set.of()), "server EOF");
        assertEquals("—", row.clientProperty().get(), "where the kernel's state is not visible");
    }

    @Test
    void aNewSampleThatChangesNothingShownMakesNoNewWords() {
        var row = new ConnectionRow(status(side(TcpState.ESTABLISHED, false, 0), side(TcpState.CLOSE_WAIT, false, 0),
                false, Set.of()));
        row.update(status(side(TcpState.ESTABLISHED, false, 0), side(TcpState.CLOSE_WAIT, false, 0), false, Set.of()), null);
        var client = row.clientProperty().get();
        var server = row.serverProperty().get();
        var outcome = row.outcomeProperty().get();
        row.update(status(side(TcpState.ESTABLISHED, false, 3), side(TcpState.CLOSE_WAIT, false, 1), false, Set.of()), null);
        assertSame(client, row.clientProperty().get());
        assertSame(server, row.serverProperty().get());
        assertSame(outcome, row.outcomeProperty().get());
    }

    @Test
    void theServersOutcomeIsItsFirstEndingEventInAWordOrTwo() {
        var timeline = new Timeline();
        var outcomes = new ServerOutcomes(timeline);
        timeline.append(new AppEvent(1, 1, Side.SERVER, AppEventType.READ, 5, null));
        timeline.append(new AppEvent(2, 2, Side.SERVER, AppEventType.ERROR, 0, "Connection timed out"));
        timeline.append(new AppEvent(3, 1, Side.CLIENT, AppEventType.EOF, 0, null));
        outcomes.pull();
        assertNull(outcomes.outcome(1), "the client's EOF is not the server's");
        assertEquals("timed out", outcomes.outcome(2));
        assertNull(outcomes.outcome(3));

        timeline.append(new AppEvent(4, 1, Side.SERVER, AppEventType.EOF, 0, null));
        timeline.append(new AppEvent(5, 1, Side.SERVER, AppEventType.CLOSED, 0, null));
        timeline.append(new AppEvent(6, 3, Side.SERVER, AppEventType.ERROR, 0, "Connection reset"));
        timeline.append(new AppEvent(7, 4, Side.SERVER, AppEventType.ERROR, 0, "Broken pipe"));
        outcomes.pull();
        assertEquals("server EOF", outcomes.outcome(1), "the first that ends it");
        assertEquals("reset", outcomes.outcome(3));
        assertEquals("Broken pipe", outcomes.outcome(4));
    }

    private static SideStatus side(TcpState state, boolean orphan, long sampledAt) {
        return new SideStatus(state, 0, orphan, KernelTimer.NONE, 0, sampledAt);
    }

    private static ConnectionStatus status(SideStatus client, SideStatus server, boolean serverEnded, Set<Direction> severed) {
        return new ConnectionStatus(7, 52344, LabSettings.seed(), "", Holding.OPEN, Holding.OPEN, serverEnded, client,
                server, severed);
    }
}
