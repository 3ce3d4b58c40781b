package org.keepalivelab.ui.connections;

import java.util.Set;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.keepalivelab.lab.ConnectionStatus;
import org.keepalivelab.lab.SideStatus;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.TcpState;

/**
 * One connection in the connection list. The lab samples every connection many times a second, and most
 * samples change nothing the list shows: {@link #update} compares what it shows first and makes new words
 * only for what changed, so refreshing a thousand rows makes next to nothing; the table's visible cells
 * follow the properties that changed.
 */
public final class ConnectionRow {
    private final int conn;
    private final String port;
    private final String label;
    private final ReadOnlyStringWrapper client = new ReadOnlyStringWrapper(this, "client", "");
    private final ReadOnlyStringWrapper server = new ReadOnlyStringWrapper(this, "server", "");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final SideShown clientShown = new SideShown();
    private final SideShown serverShown = new SideShown();
    private String outcomeShown;
    private Set<Direction> severedShown;

    ConnectionRow(ConnectionStatus status) {
        this.conn = status.conn();
        this.port = String.valueOf(status.clientPort());
        this.label = status.label();
    }

    /** The connection's label, or empty: it keeps the one it was opened with. */
    public String label() {
        return label;
    }

    public int conn() {
        return conn;
    }

    /** The client's port: the server's, the same for every connection, is the list's. */
    public String port() {
        return port;
    }

    /** The client's kernel state: "ESTABLISHED", "FIN_WAIT2 orphan". */
    public ReadOnlyStringProperty clientProperty() {
        return client.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty serverProperty() {
        return server.getReadOnlyProperty();
    }

    /** How it ended for the server's application ("server EOF", "timed out"), or "open". */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /**
     * Shows {@code status}. {@code ended} says how the connection ended for its server, null if the timeline
     * has not said yet: an ended connection waits for those words as "ended".
     */
    void update(ConnectionStatus status, String ended) {
        clientShown.show(status.client(), client);
        serverShown.show(status.server(), server);
        String words = status.serverEnded() ? ended == null ? "ended" : ended : "open";
        if (!words.equals(outcomeShown) || !status.severed().equals(severedShown)) {
            outcomeShown = words;
            severedShown = status.severed();
            outcome.set(status.severed().isEmpty() || status.serverEnded() ? words : words + ", severed");
        }
    }

    /** What one side's column shows, to tell whether a sample changed it. */
    private static final class SideShown {
        private TcpState state;
        private boolean orphan;

        void show(SideStatus side, ReadOnlyStringWrapper words) {
            if (side.state() != state || side.orphan() != orphan) {
                state = side.state();
                orphan = side.orphan();
                words.set(state == TcpState.UNKNOWN ? "—" : orphan ? state.name() + " orphan" : state.name());
            }
        }
    }
}
