package org.keepalivelab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DirectionTest {

    @Test
    void eachSideSendsInTheDirectionWhoseSenderItIs() {
        for (var side : Side.values()) {
            assertEquals(side, Direction.sentBy(side).sender());
        }
        assertEquals(Direction.S2C, Direction.sentBy(Side.SERVER));
    }
}
