package org.keepalivelab.model;

/** Which way a segment travels. */
public enum Direction {
    C2S("c2s", Side.CLIENT),
    S2C("s2c", Side.SERVER);

    private final String label;
    private final Side sender;

    Direction(String label, Side sender) {
        this.label = label;
        this.sender = sender;
    }

    /** The direction {@code side} sends in. */
    public static Direction sentBy(Side side) {
        return side == Side.CLIENT ? C2S : S2C;
    }

    /** The name used in the event log and on the command line. */
    public String label() {
        return label;
    }

    public Side sender() {
        return sender;
    }

    public Side receiver() {
        return sender.peer();
    }

    public Direction reverse() {
        return this == C2S ? S2C : C2S;
    }
}
