package org.keepalivelab.ui.timeline;

import org.keepalivelab.model.StateEvent;
import org.keepalivelab.model.TcpState;
import org.keepalivelab.model.TimeIndex;

/**
 * One side's kernel state over time, from its {@link StateEvent}s: band {@code i} runs from
 * {@link #t(int)} to the next band's start (or to now).
 */
public final class StateRow {
    private static final TcpState[] STATES = TcpState.values();

    private final TimeIndex times = new TimeIndex();
    private byte[] states = new byte[64];
    private int[] probes = new int[64];
    private byte[] orphans = new byte[64];

    void add(StateEvent event) {
        int n = times.size();
        int at = times.insertionPoint(event.t());
        states = TimeIndex.open(states, at, n);
        probes = TimeIndex.open(probes, at, n);
        orphans = TimeIndex.open(orphans, at, n);
        times.insert(at, event.t());
        states[at] = (byte) event.state().ordinal();
        probes[at] = event.probes();
        orphans[at] = (byte) (event.orphan() ? 1 : 0);
    }

    public int size() {
        return times.size();
    }

    public long t(int i) {
        return times.at(i);
    }

    public TcpState state(int i) {
        return STATES[states[i]];
    }

    /**
     * The keep-alive probes band {@code i} counts as unanswered; none for CLOSED, where the kernel's count
     * still holds the probe a RST answered and says nothing once the connection is gone.
     */
    public int unanswered(int i) {
        return state(i) == TcpState.CLOSED ? 0 : probes[i];
    }

    public boolean orphan(int i) {
        return orphans[i] != 0;
    }

    /** The band in force at {@code t}, or -1 before the first. */
    public int at(long t) {
        return times.firstAfter(t) - 1;
    }
}
