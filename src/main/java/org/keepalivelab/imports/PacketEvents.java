package org.keepalivelab.imports;

import java.util.Arrays;

/**
 * Which timeline event each packet of an imported file became (a listener of {@link CaptureImport}),
 * in one int array by packet number, 4 bytes a packet: what writes the file again with a comment per
 * segment reads it. A packet that became no event (not TCP, a duplicate, filtered out) has none.
 */
public final class PacketEvents implements CaptureImport.Listener {
    private int[] events = new int[1024];

    @Override
    public void segment(long packet, int event) {
        if (packet > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("a file of more than " + (Integer.MAX_VALUE - 8) + " packets cannot be "
                    + "written again with comments");
        }
        int at = (int) packet;
        if (at >= events.length) {
            int old = events.length;
            events = Arrays.copyOf(events, Math.max(at + 1, (int) Math.min(Integer.MAX_VALUE - 8, 2L * old)));
            Arrays.fill(events, old, events.length, 0);
        }
        events[at] = event + 1; // 0: no event
    }

    /** The event packet {@code packet} (numbered from 1) became, or -1. */
    public int event(long packet) {
        return packet < events.length ? events[(int) packet] - 1 : -1;
    }
}
