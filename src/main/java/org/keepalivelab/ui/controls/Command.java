package org.keepalivelab.ui.controls;

import java.util.Optional;
import org.keepalivelab.lab.ConnectionStatus;
import org.keepalivelab.lab.Holding;
import org.keepalivelab.model.Side;

/**
 * The commands on the selected connection: what each does and, when it cannot act, why, in the words
 * the toolbar's tooltips show. Whether a command applies follows from the connection's status alone
 * (and, for Sever, from what the lab can do where it runs), so the rule and its words live here together.
 */
public enum Command {
    SEND(Side.CLIENT, "The client writes \"howdy\" (" + ActionBar.HOWDY_BYTES + " bytes)"),
    CLOSE(Side.CLIENT, "The client sends FIN, reads to EOF, closes"),
    CLOSE_SERVER(Side.SERVER, "The server sends FIN, reads to EOF, closes"),
    HALF_CLOSE(Side.CLIENT, "The client sends FIN and keeps its socket, reading on: FIN_WAIT2 with no orphan timer"),
    KILL(Side.CLIENT, "The client process dies: its kernel closes the socket (FIN)"),
    KILL_SERVER(Side.SERVER, "The server process dies: its kernel closes the socket (FIN)"),
    ABORT(Side.CLIENT, "The client closes with SO_LINGER 0: RST"),
    ABORT_SERVER(Side.SERVER, "The server closes with SO_LINGER 0: RST"),
    SEVER(Side.CLIENT, "Drop every segment of the connection (both ways, or one)"),
    RESTORE(Side.CLIENT, "Segments cross the connection again");

    /** Why no command acts while the window shows a capture file, or a saved run, rather than the lab. */
    public static final String NO_LIVE_SOCKET = "This is a capture file: nothing here has a live socket. "
            + "Back to the lab (File) returns to the running lab.";

    /** The side whose application acts (for Sever and Restore, the client, whose socket they need held). */
    private final Side side;
    private final String description;

    Command(Side side, String description) {
        this.side = side;
        this.description = description;
    }

    /** What the command does, for its tooltip while it can act. */
    public String description() {
        return description;
    }

    /**
     * Why this command cannot act on {@code selected} now, or empty when it can.
     *
     * @param selected     the selected connection as last sampled, or {@code null} for none
     * @param severProblem why the lab cannot sever where it runs, if it cannot
     */
    public Optional<String> whyNot(ConnectionStatus selected, Optional<String> severProblem) {
        return whyNot(selected, severProblem, false);
    }

    /**
     * Why this command cannot act now, as {@link #whyNot(ConnectionStatus, Optional)}; while
     * {@code captureShown}, none can ({@link #NO_LIVE_SOCKET}).
     */
    public Optional<String> whyNot(ConnectionStatus selected, Optional<String> severProblem, boolean captureShown) {
        if (captureShown) {
            return Optional.of(NO_LIVE_SOCKET);
        }
        if (this == SEVER && severProblem.isPresent()) {
            return severProblem;
        }
        if (selected == null) {
            return Optional.of("No connection is selected: Connect opens one.");
        }
        String who = "Connection " + selected.conn() + "'s " + side.label();
        var app = selected.app(side);
        String notHeld = app == Holding.NOT_YET ? who + " does not hold the connection yet."
                : who + " no longer holds its socket: it was closed, killed or aborted.";
        String closing = who + " is closing gracefully: it sent its FIN and sends nothing more.";
        String halfClosed = who + " has half-closed: it sent its FIN and sends nothing more.";
        if (!app.held() && this != RESTORE) {
            return Optional.of(notHeld);
        }
        return Optional.ofNullable(switch (this) {
            case SEND -> app == Holding.CLOSING ? closing : app == Holding.OUTPUT_SHUT ? halfClosed : null;
            case CLOSE, CLOSE_SERVER -> app == Holding.CLOSING ? closing : null;
            case HALF_CLOSE -> app == Holding.CLOSING ? closing : app == Holding.OUTPUT_SHUT ? halfClosed : null;
            case KILL, KILL_SERVER, ABORT, ABORT_SERVER -> null;
            case SEVER -> selected.serverEnded()
                    ? "Connection " + selected.conn() + "'s server application has seen the connection end: nothing is left to sever."
                    : !selected.severed().isEmpty() ? "Connection " + selected.conn() + " is severed already: Restore it first." : null;
            case RESTORE -> selected.severed().isEmpty() ? "Nothing is severed on connection " + selected.conn() + "." : null;
        });
    }
}
