package org.keepalivelab.lab;

import java.util.EnumSet;
import java.util.Set;
import org.keepalivelab.model.Action;
import org.keepalivelab.model.Direction;

/** The ways the lab offers to sever a connection: both directions, or one. */
public enum Sever {
    BOTH(EnumSet.allOf(Direction.class)),
    C2S(EnumSet.of(Direction.C2S)),
    S2C(EnumSet.of(Direction.S2C));

    private final Action.Sever action;

    Sever(Set<Direction> directions) {
        this.action = new Action.Sever(directions);
    }

    public Set<Direction> directions() {
        return action.directions();
    }

    /** The action that severs this way. */
    public Action.Sever action() {
        return action;
    }

    /** The way {@code action} severs: every set of directions is one of the three. */
    static Sever of(Action.Sever action) {
        for (var sever : values()) {
            if (sever.action.equals(action)) {
                return sever;
            }
        }
        throw new AssertionError(action);
    }

    public static Sever parse(String label) {
        for (var sever : values()) {
            if (sever.toString().equalsIgnoreCase(label)) {
                return sever;
            }
        }
        throw new IllegalArgumentException("sever takes both, c2s or s2c, not '" + label + "'");
    }

    /** Its name in a script and the event log: {@code both}, {@code c2s}, {@code s2c}. */
    @Override
    public String toString() {
        return action.args();
    }
}
