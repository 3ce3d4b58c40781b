package org.keepalivelab.ui.timeline;

import org.keepalivelab.model.StateEvent;
import org.keepalivelab.model.TcpState;
import org.keepalivelab.model.store.MappedBlocks;
import org.keepalivelab.model.store.TimeRecords;

/**
 * One side's kernel state over time, from its {@link StateEvent}s, off the heap in the view model's
 * store: band {@code i} runs from {@link #t(int)} to the next band's start (or to now).
 */
public final class StateRow {
    private static final TcpState[] STATES = TcpState.values();
    // The packed word: bits 0-3 the state, bit 4 orphan, bit 5 inferred, bits 8-31 the unanswered probes.
    private static final int STATE_BITS = 0xf;
    private static final int ORPHAN = 0x10;
    private static final int INFERRED = 0x20;
    private static final int PROBES_SHIFT = 8;
    /** The kernel counts at most 127 probes ({@code MAX_TCP_KEEPCNT}, include/net/tcp.h): far below the field's 2^23. */
    private static final int MAX_PROBES = (1 << 23) - 1;

    private final TimeRecords records;

    StateRow(MappedBlocks store) {
        this.records = new TimeRecords(store);
    }

    void add(StateEvent event, int index) {
        records.add(event.t(), index, Math.min(event.probes(), MAX_PROBES) << PROBES_SHIFT
                | (event.orphan() ? ORPHAN : 0) | (event.inferred() ? INFERRED : 0) | event.state().ordinal());
    }

    public int size() {
        return records.size();
    }

    public long t(int i) {
        return records.t(i);
    }

    public TcpState state(int i) {
        return STATES[records.word(i) & STATE_BITS];
    }

    /**
     * The keep-alive probes band {@code i} counts as unanswered; none for CLOSED, where the kernel's count
     * still holds the probe a RST answered and says nothing once the connection is gone.
     */
    public int unanswered(int i) {
        return state(i) == TcpState.CLOSED ? 0 : records.word(i) >>> PROBES_SHIFT;
    }

    public boolean orphan(int i) {
        return (records.word(i) & ORPHAN) != 0;
    }

    /** Whether band {@code i} is a state a capture's segments imply, not one the lab sampled. */
    public boolean inferred(int i) {
        return (records.word(i) & INFERRED) != 0;
    }

    /** The band in force at {@code t}, or -1 before the first. */
    public int at(long t) {
        return records.firstAfter(t) - 1;
    }
}
