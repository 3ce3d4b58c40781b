package org.keepalivelab.lab;

import java.util.EnumSet;
import java.util.Set;
import org.keepalivelab.model.Direction;

/** Which way a sever cuts a connection. */
public enum Sever {
    BOTH("both", EnumSet.allOf(Direction.class)),
    C2S("c2s", EnumSet.of(Direction.C2S)),
    S2C("s2c", EnumSet.of(Direction.S2C));

    private final String label;
    private final Set<Direction> directions;

    Sever(String label, Set<Direction> directions) {
        this.label = label;
        this.directions = directions;
    }

    public Set<Direction> directions() {
        return directions;
    }

    public static Sever parse(String label) {
        for (var sever : values()) {
            if (sever.label.equalsIgnoreCase(label)) {
                return sever;
            }
        }
        throw new IllegalArgumentException("sever takes both, c2s or s2c, not '" + label + "'");
    }

    @Override
    public String toString() {
        return label;
    }
}
