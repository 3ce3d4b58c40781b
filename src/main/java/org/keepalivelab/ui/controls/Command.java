package org.keepalivelab.ui.controls;

import java.util.Optional;
import org.keepalivelab.lab.ConnectionStatus;

/**
 * The commands on the selected connection: what each does and, when it cannot act, why, in the words
 * the toolbar's tooltips show. Whether a command applies follows from the connection's status alone
 * (and, for Sever, from what the lab can do where it runs), so the rule and its words live here together.
 */
public enum Command {
    SEND("The client writes \"howdy\" (" + ActionBar.HOWDY_BYTES + " bytes)"),
    CLOSE("The client sends FIN, reads to EOF, closes"),
    KILL("The client process dies: its kernel closes the socket (FIN)"),
    ABORT("The client closes with SO_LINGER 0: RST"),
    SEVER("Drop every segment of the connection (both ways, or one)"),
    RESTORE("Segments cross the connection again");

    private final String description;

    Command(String description) {
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
        if (this == SEVER && severProblem.isPresent()) {
            return severProblem;
        }
        if (selected == null) {
            return Optional.of("No connection is selected: Connect opens one.");
        }
        String conn = "Connection " + selected.conn();
        String clientGone = conn + "'s client no longer holds its socket: it was closed, killed or aborted.";
        return Optional.ofNullable(switch (this) {
            case SEND, CLOSE -> !selected.clientHeld() ? clientGone : selected.clientClosing()
                    ? conn + "'s client is closing gracefully: it sent its FIN and sends nothing more." : null;
            case KILL, ABORT -> selected.clientHeld() ? null : clientGone;
            case SEVER -> !selected.clientHeld() ? clientGone : selected.serverEnded()
                    ? conn + "'s server application has seen the connection end: nothing is left to sever."
                    : !selected.severed().isEmpty() ? conn + " is severed already: Restore it first." : null;
            case RESTORE -> selected.severed().isEmpty() ? "Nothing is severed on connection " + selected.conn() + "." : null;
        });
    }
}
