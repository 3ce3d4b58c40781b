package org.keepalivelab.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lab's append-only record of events: the capture, the lab's I/O loop and its socket sampler
 * append; the UI and the exporters read.
 *
 * <p>Appends are serialised; reads take no lock. An event at index {@code i < size()} never changes,
 * so a reader can remember how far it has read and pick up only what is new ({@link #size()} doubles
 * as a version number). Events arrive roughly, not strictly, in time order (a kernel timestamp may be
 * a little older than an application event appended just before it): {@link #inTimeOrder()} sorts.
 *
 * <p>Every event is stored in columns of primitives, 28 bytes each (time 8, connection 4, seq 4,
 * ack 4, length 4, window 2, flags 1, code 1), in fixed-size chunks: nothing is copied as the lab runs
 * for hours, and the garbage collector has no object per event to trace or move (its pauses would
 * delay the capture). Application, state and action events reuse the segment's columns, and what
 * they carry (an exception's text, an action) is interned once. {@link #get(int)} rebuilds the
 * record; readers that scan many events (a frame of the timeline view) use the column accessors.
 */
public final class Timeline {
    private static final int CHUNK_BITS = 12;
    private static final int CHUNK_SIZE = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK_SIZE - 1;

    private static final SegmentKind[] KINDS = SegmentKind.values();
    private static final AppEventType[] APP_EVENTS = AppEventType.values();
    private static final TcpState[] STATES = TcpState.values();

    // The code column. A segment: its kind, direction, dropped and inferred bits (flags holds its TCP
    // flags). Any other event: OTHER_BIT, its sub-kind (app event or TCP state), side and orphan bits,
    // with its type in the flags column.
    private static final int KIND_BITS = 0x0f;
    private static final int S2C_BIT = 0x10;
    private static final int SERVER_BIT = S2C_BIT;
    private static final int DROPPED_BIT = 0x20;
    private static final int ORPHAN_BIT = DROPPED_BIT;
    private static final int OTHER_BIT = 0x40;
    private static final int INFERRED_BIT = 0x80;
    private static final byte APP = 1;
    private static final byte STATE = 2;
    private static final byte ACTION = 3;
    private static final int NO_VALUE = -1;

    /** One chunk's columns. */
    private static final class Chunk {
        final long[] t = new long[CHUNK_SIZE];
        final int[] conn = new int[CHUNK_SIZE];
        final int[] seq = new int[CHUNK_SIZE];
        final int[] ack = new int[CHUNK_SIZE];
        final int[] len = new int[CHUNK_SIZE];
        final short[] window = new short[CHUNK_SIZE];
        final byte[] flags = new byte[CHUNK_SIZE];
        final byte[] code = new byte[CHUNK_SIZE];
    }

    private volatile Chunk[] chunks = new Chunk[16];
    private volatile Object[][] values = new Object[16][];
    private final Map<Object, Integer> valueIds = new HashMap<>(); // under the append lock
    private volatile int size;

    /** Adds an event; safe from any thread. */
    public void append(Event event) {
        switch (event) {
            case SegmentEvent s -> appendSegment(s.t(), s.conn(), s.dir(), s.flags(), s.seq(), s.ack(), s.len(),
                    s.window(), s.kind(), s.dropped(), s.inferred());
            case AppEvent a -> appendOther(a.t(), a.conn(), APP, other(a.event().ordinal(), a.side(), false),
                    a.bytes(), a.message());
            case StateEvent st -> appendOther(st.t(), st.conn(), STATE, other(st.state().ordinal(), st.side(), st.orphan()),
                    st.probes(), null);
            case ActionEvent a -> appendOther(a.t(), a.conn(), ACTION, other(0, Side.CLIENT, false), 0, a.action());
        }
    }

    /**
     * Adds a segment from its fields, as {@link #append} would a {@link SegmentEvent}: the capture's
     * path, which then allocates nothing per packet.
     */
    public synchronized void appendSegment(long t, int conn, Direction dir, int flags, long seq, long ack, int len,
                                           int window, SegmentKind kind, boolean dropped, boolean inferred) {
        int index = size;
        Chunk chunk = chunkFor(index);
        int i = index & MASK;
        chunk.t[i] = t;
        chunk.conn[i] = conn;
        chunk.seq[i] = (int) seq;
        chunk.ack[i] = (int) ack;
        chunk.len[i] = len;
        chunk.window[i] = (short) window;
        chunk.flags[i] = (byte) flags;
        chunk.code[i] = (byte) (kind.ordinal() | (dir == Direction.S2C ? S2C_BIT : 0)
                | (dropped ? DROPPED_BIT : 0) | (inferred ? INFERRED_BIT : 0));
        size = index + 1; // the volatile write publishes the columns and the tables
    }

    /**
     * An application, state or action event: its type in the flags column, the number it carries
     * (bytes or probes) in len and seq, the id of its message or action in seq.
     */
    private synchronized void appendOther(long t, int conn, byte type, byte code, int number, Object value) {
        int index = size;
        Chunk chunk = chunkFor(index);
        int i = index & MASK;
        chunk.t[i] = t;
        chunk.conn[i] = conn;
        chunk.flags[i] = type;
        chunk.code[i] = code;
        switch (type) {
            case APP -> {
                chunk.len[i] = number;
                chunk.seq[i] = intern(value);
            }
            case STATE -> chunk.seq[i] = number;
            default -> chunk.seq[i] = intern(value);
        }
        size = index + 1;
    }

    /** The chunk that holds {@code index}, added (and the table grown) as needed; under the append lock. */
    private Chunk chunkFor(int index) {
        Chunk[] table = chunks;
        int c = index >>> CHUNK_BITS;
        if (c == table.length) {
            table = Arrays.copyOf(table, table.length * 2);
        }
        if (table[c] == null) {
            table[c] = new Chunk();
        }
        chunks = table;
        return table[c];
    }

    private static byte other(int subKind, Side side, boolean orphan) {
        return (byte) (OTHER_BIT | subKind | (side == Side.SERVER ? SERVER_BIT : 0) | (orphan ? ORPHAN_BIT : 0));
    }

    /** The id of {@code value} in the value table, adding it the first time. */
    private int intern(Object value) {
        if (value == null) {
            return NO_VALUE;
        }
        Integer id = valueIds.get(value);
        if (id != null) {
            return id;
        }
        int next = valueIds.size();
        Object[][] table = values;
        int c = next >>> CHUNK_BITS;
        if (c == table.length) {
            table = Arrays.copyOf(table, table.length * 2);
        }
        if (table[c] == null) {
            table[c] = new Object[CHUNK_SIZE];
        }
        table[c][next & MASK] = value;
        values = table; // published with the event by the volatile write of size
        valueIds.put(value, next);
        return next;
    }

    private Object value(int id) {
        return id == NO_VALUE ? null : values[id >>> CHUNK_BITS][id & MASK];
    }

    /** How many events are readable; grows only. */
    public int size() {
        return size;
    }

    /** The event at {@code index}, which must be below a {@link #size()} read earlier. */
    public Event get(int index) {
        Chunk chunk = chunk(index);
        int i = index & MASK;
        int code = Byte.toUnsignedInt(chunk.code[i]);
        if ((code & OTHER_BIT) != 0) {
            long t = chunk.t[i];
            int conn = chunk.conn[i];
            Side side = (code & SERVER_BIT) != 0 ? Side.SERVER : Side.CLIENT;
            return switch (chunk.flags[i]) {
                case APP -> new AppEvent(t, conn, side, APP_EVENTS[code & KIND_BITS], chunk.len[i], (String) value(chunk.seq[i]));
                case STATE -> new StateEvent(t, conn, side, STATES[code & KIND_BITS], chunk.seq[i], (code & ORPHAN_BIT) != 0);
                default -> new ActionEvent(t, conn, (Action) value(chunk.seq[i]));
            };
        }
        return new SegmentEvent(chunk.t[i], chunk.conn[i], (code & S2C_BIT) != 0 ? Direction.S2C : Direction.C2S,
                Byte.toUnsignedInt(chunk.flags[i]), Integer.toUnsignedLong(chunk.seq[i]),
                Integer.toUnsignedLong(chunk.ack[i]), chunk.len[i], Short.toUnsignedInt(chunk.window[i]),
                KINDS[code & KIND_BITS], (code & DROPPED_BIT) != 0, (code & INFERRED_BIT) != 0);
    }

    private Chunk chunk(int index) {
        return chunks[index >>> CHUNK_BITS];
    }

    /** The time of event {@code index}, ns since the lab started. */
    public long t(int index) {
        return chunk(index).t[index & MASK];
    }

    /** The connection of event {@code index}. */
    public int conn(int index) {
        return chunk(index).conn[index & MASK];
    }

    /** True when event {@code index} is a segment, captured or {@linkplain #inferred(int) inferred}. */
    public boolean isSegment(int index) {
        return (chunk(index).code[index & MASK] & OTHER_BIT) == 0;
    }

    /** The kind of segment {@code index}; only for a segment. */
    public SegmentKind segmentKind(int index) {
        return KINDS[chunk(index).code[index & MASK] & KIND_BITS];
    }

    /** The direction of segment {@code index}; only for a segment. */
    public Direction direction(int index) {
        return (chunk(index).code[index & MASK] & S2C_BIT) != 0 ? Direction.S2C : Direction.C2S;
    }

    /** Whether a sever dropped segment {@code index}; only for a segment. */
    public boolean dropped(int index) {
        return (chunk(index).code[index & MASK] & DROPPED_BIT) != 0;
    }

    /**
     * Whether segment {@code index} was inferred from {@code TCP_INFO} rather than captured (a lab
     * without capture); only for a segment.
     */
    public boolean inferred(int index) {
        return (chunk(index).code[index & MASK] & INFERRED_BIT) != 0;
    }

    /** The payload length of segment {@code index}; only for a segment. */
    public int length(int index) {
        return chunk(index).len[index & MASK];
    }

    /** Every event so far, in the order appended. */
    public List<Event> snapshot() {
        int n = size;
        var events = new ArrayList<Event>(n);
        for (int i = 0; i < n; i++) {
            events.add(get(i));
        }
        return events;
    }

    /** Every event so far, sorted by time; events with equal times keep the order they were appended. */
    public List<Event> inTimeOrder() {
        var events = snapshot();
        events.sort(Comparator.comparingLong(Event::t));
        return events;
    }
}
