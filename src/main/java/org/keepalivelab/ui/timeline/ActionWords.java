package org.keepalivelab.ui.timeline;

import org.keepalivelab.model.ActionEvent;

/** How the user's actions read on the timeline, and which of them are faults the user injected. */
final class ActionWords {
    private ActionWords() {
    }

    /** A fault (kill, sever, abort, ...) rather than ordinary traffic: its label is placed first. */
    static boolean isFault(ActionEvent action) {
        return !action.action().equals("connect") && !action.action().equals("send") && !action.action().equals("reply");
    }

    /** How an action reads on the timeline: "kill", "sever both", "send 5 B". */
    static String of(ActionEvent action) {
        return switch (action.action()) {
            case "send", "reply" -> action.action() + " " + action.args() + " B";
            case "kill" -> "kill client";
            case "abort" -> "abort (RST)";
            case "close" -> "close gracefully";
            default -> action.args().isEmpty() ? action.action() : action.action() + " " + action.args();
        };
    }
}
