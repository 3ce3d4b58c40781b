package org.keepalivelab.model;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.keepalivelab.model.store.MappedBlocks;
import org.keepalivelab.model.store.StoreDirectory;
import org.keepalivelab.model.store.TextLog;

/**
 * The lab's append-only record of events: the capture, the lab's I/O loop and its socket sampler
 * append; the UI and the exporters read.
 *
 * <p>Appends are serialised; reads take no lock. An event at index {@code i < size()} never changes,
 * so a reader can remember how far it has read and pick up only what is new ({@link #size()} doubles
 * as a version number). Events arrive roughly, not strictly, in time order (a kernel timestamp may be
 * a little older than an application event appended just before it): a reader that needs them in
 * order sorts their indexes ({@code export.TimeOrder}, {@link EventsByConnection}).
 *
 * <p>Every event is stored in columns of primitives, 28 bytes each (time 8, connection 4, seq 4,
 * ack 4, length 4, window 2, flags 1, code 1), in chunks of 4,096 events in memory-mapped files of the
 * process's {@linkplain StoreDirectory store directory}, off the Java heap: the kernel's page cache
 * holds them, the heap holds one small object per chunk, and the garbage collector has nothing per
 * event to trace or move (its pauses would delay the capture), however long the run. Application,
 * state and action events reuse the segment's columns: an action is stored as its code
 * ({@link ActionCode}), an application event's text in the store's {@link TextLog}. {@link #get(int)}
 * rebuilds the record; readers that scan many events (a frame of the timeline view) use the column
 * accessors. It holds at most {@link #MAX_EVENTS} events (docs/architecture.md, "The store").
 */
public final class Timeline {
    /** The most events a timeline holds: its indexes are ints. Beyond, {@link #append} refuses. */
    public static final int MAX_EVENTS = Integer.MAX_VALUE;

    private static final int CHUNK_BITS = 12;
    private static final int CHUNK_SIZE = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK_SIZE - 1;
    // A chunk's columns, one after another, each CHUNK_SIZE values wide.
    private static final long T = 0;
    private static final long CONN = T + 8L * CHUNK_SIZE;
    private static final long SEQ = CONN + 4L * CHUNK_SIZE;
    private static final long ACK = SEQ + 4L * CHUNK_SIZE;
    private static final long LEN = ACK + 4L * CHUNK_SIZE;
    private static final long WINDOW = LEN + 4L * CHUNK_SIZE;
    private static final long FLAGS = WINDOW + 2L * CHUNK_SIZE;
    private static final long CODE = FLAGS + CHUNK_SIZE;
    private static final long CHUNK_BYTES = CODE + CHUNK_SIZE;
    /** The store's files: the first holds a chunk (a test's timeline), the largest 128 (16 MB, 524,288 events). */
    private static final long LARGEST_FILE = 128 * CHUNK_BYTES;

    private static final SegmentKind[] KINDS = SegmentKind.values();
    private static final AppEventType[] APP_EVENTS = AppEventType.values();
    private static final TcpState[] STATES = TcpState.values();

    // The code column. A segment: its kind, direction, dropped and inferred bits (flags holds its TCP
    // flags). Any other event: OTHER_BIT, its sub-kind (app event, TCP state or action code), side and
    // orphan bits, and for a state the inferred bit (implied by a capture's segments), with its type in
    // the flags column.
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
    private static final long NO_TEXT = -1;

    private final StoreDirectory directory;
    private final MappedBlocks store;
    private final TextLog texts;
    private volatile MemorySegment[] chunks = new MemorySegment[16];
    private volatile int size;

    /** An empty timeline, stored in this process's store directory. */
    public Timeline() {
        this(StoreDirectory.process());
    }

    /** An empty timeline, stored in {@code directory}. */
    public Timeline(StoreDirectory directory) {
        this.directory = directory;
        this.store = new MappedBlocks(directory, "timeline", CHUNK_BYTES, LARGEST_FILE, CHUNK_BYTES);
        this.texts = new TextLog(directory, "texts");
    }

    /** Where this timeline is stored: its readers keep what they derive from it there too. */
    public StoreDirectory directory() {
        return directory;
    }

    /** Adds an event; safe from any thread. */
    public void append(Event event) {
        switch (event) {
            case SegmentEvent s -> appendSegment(s.t(), s.conn(), s.dir(), s.flags(), s.seq(), s.ack(), s.len(),
                    s.window(), s.kind(), s.dropped(), s.inferred());
            case AppEvent a -> appendApp(a);
            case StateEvent st -> appendOther(st.t(), st.conn(), STATE, (byte) (other(st.state().ordinal(), st.side(),
                    st.orphan()) | (st.inferred() ? INFERRED_BIT : 0)), st.probes(), 0, 0);
            case ActionEvent a -> appendOther(a.t(), a.conn(), ACTION,
                    other(ActionCode.kind(a.action()), ActionCode.side(a.action()), false),
                    0, ActionCode.number(a.action()), ActionCode.detail(a.action()));
        }
    }

    /**
     * Adds a segment from its fields, as {@link #append} would a {@link SegmentEvent}: the capture's
     * path, which then allocates nothing per packet.
     */
    public synchronized void appendSegment(long t, int conn, Direction dir, int flags, long seq, long ack, int len,
                                           int window, SegmentKind kind, boolean dropped, boolean inferred) {
        int index = size;
        var chunk = chunkFor(index);
        long i = index & MASK;
        chunk.set(JAVA_LONG, T + 8 * i, t);
        chunk.set(JAVA_INT, CONN + 4 * i, conn);
        chunk.set(JAVA_INT, SEQ + 4 * i, (int) seq);
        chunk.set(JAVA_INT, ACK + 4 * i, (int) ack);
        chunk.set(JAVA_INT, LEN + 4 * i, len);
        chunk.set(JAVA_SHORT, WINDOW + 2 * i, (short) window);
        chunk.set(JAVA_BYTE, FLAGS + i, (byte) flags);
        chunk.set(JAVA_BYTE, CODE + i, (byte) (kind.ordinal() | (dir == Direction.S2C ? S2C_BIT : 0)
                | (dropped ? DROPPED_BIT : 0) | (inferred ? INFERRED_BIT : 0)));
        size = index + 1; // the volatile write publishes the columns and the chunk table
    }

    /** An application event: its bytes in len, where its text is in seq (low half) and ack (high half). */
    private synchronized void appendApp(AppEvent a) {
        long text = a.message() == null ? NO_TEXT : texts.append(a.message());
        appendOther(a.t(), a.conn(), APP, other(a.event().ordinal(), a.side(), false), (int) text, a.bytes(),
                (int) (text >>> 32));
    }

    /**
     * An application, state or action event: its type in the flags column, what it carries in seq, len
     * and ack (a state's probes in seq; an action's number in len and detail in ack).
     */
    private synchronized void appendOther(long t, int conn, byte type, byte code, int seq, int len, int ack) {
        int index = size;
        var chunk = chunkFor(index);
        long i = index & MASK;
        chunk.set(JAVA_LONG, T + 8 * i, t);
        chunk.set(JAVA_INT, CONN + 4 * i, conn);
        chunk.set(JAVA_INT, SEQ + 4 * i, seq);
        chunk.set(JAVA_INT, ACK + 4 * i, ack);
        chunk.set(JAVA_INT, LEN + 4 * i, len);
        chunk.set(JAVA_BYTE, FLAGS + i, type);
        chunk.set(JAVA_BYTE, CODE + i, code);
        size = index + 1;
    }

    /** The chunk that holds {@code index}, added (and the table grown) as needed; under the append lock. */
    private MemorySegment chunkFor(int index) {
        if (index == MAX_EVENTS) {
            throw new IllegalStateException("The timeline is full: it holds " + MAX_EVENTS + " events, its most.");
        }
        MemorySegment[] table = chunks;
        int c = index >>> CHUNK_BITS;
        if (c == table.length) {
            table = Arrays.copyOf(table, table.length * 2);
        }
        if (table[c] == null) {
            table[c] = store.allocate(CHUNK_BYTES);
        }
        chunks = table;
        return table[c];
    }

    private static byte other(int subKind, Side side, boolean orphan) {
        return (byte) (OTHER_BIT | subKind | (side == Side.SERVER ? SERVER_BIT : 0) | (orphan ? ORPHAN_BIT : 0));
    }

    /** How many events are readable; grows only. */
    public int size() {
        return size;
    }

    /** The event at {@code index}, which must be below a {@link #size()} read earlier. */
    public Event get(int index) {
        var chunk = chunk(index);
        long i = index & MASK;
        int code = Byte.toUnsignedInt(chunk.get(JAVA_BYTE, CODE + i));
        long t = chunk.get(JAVA_LONG, T + 8 * i);
        int conn = chunk.get(JAVA_INT, CONN + 4 * i);
        int seq = chunk.get(JAVA_INT, SEQ + 4 * i);
        int ack = chunk.get(JAVA_INT, ACK + 4 * i);
        int len = chunk.get(JAVA_INT, LEN + 4 * i);
        if ((code & OTHER_BIT) != 0) {
            Side side = (code & SERVER_BIT) != 0 ? Side.SERVER : Side.CLIENT;
            return switch (chunk.get(JAVA_BYTE, FLAGS + i)) {
                case APP -> new AppEvent(t, conn, side, APP_EVENTS[code & KIND_BITS], len, text(seq, ack));
                case STATE -> new StateEvent(t, conn, side, STATES[code & KIND_BITS], seq, (code & ORPHAN_BIT) != 0,
                        (code & INFERRED_BIT) != 0);
                default -> new ActionEvent(t, conn, ActionCode.decode(code & KIND_BITS, side, len, ack));
            };
        }
        return new SegmentEvent(t, conn, (code & S2C_BIT) != 0 ? Direction.S2C : Direction.C2S,
                Byte.toUnsignedInt(chunk.get(JAVA_BYTE, FLAGS + i)), Integer.toUnsignedLong(seq),
                Integer.toUnsignedLong(ack), len, Short.toUnsignedInt(chunk.get(JAVA_SHORT, WINDOW + 2 * i)),
                KINDS[code & KIND_BITS], (code & DROPPED_BIT) != 0, (code & INFERRED_BIT) != 0);
    }

    private String text(int low, int high) {
        long at = (long) high << 32 | Integer.toUnsignedLong(low);
        return at == NO_TEXT ? null : texts.read(at);
    }

    private MemorySegment chunk(int index) {
        return chunks[index >>> CHUNK_BITS];
    }

    private byte code(int index) {
        return chunk(index).get(JAVA_BYTE, CODE + (index & MASK));
    }

    /** The time of event {@code index}, ns since the lab started. */
    public long t(int index) {
        return chunk(index).get(JAVA_LONG, T + 8L * (index & MASK));
    }

    /** The connection of event {@code index}. */
    public int conn(int index) {
        return chunk(index).get(JAVA_INT, CONN + 4L * (index & MASK));
    }

    /** True when event {@code index} is a segment, captured or {@linkplain #inferred(int) inferred}. */
    public boolean isSegment(int index) {
        return (code(index) & OTHER_BIT) == 0;
    }

    /** The kind of segment {@code index}; only for a segment. */
    public SegmentKind segmentKind(int index) {
        return KINDS[code(index) & KIND_BITS];
    }

    /** The direction of segment {@code index}; only for a segment. */
    public Direction direction(int index) {
        return (code(index) & S2C_BIT) != 0 ? Direction.S2C : Direction.C2S;
    }

    /** Whether a sever dropped segment {@code index}; only for a segment. */
    public boolean dropped(int index) {
        return (code(index) & DROPPED_BIT) != 0;
    }

    /**
     * Whether segment {@code index} was inferred from {@code TCP_INFO} rather than captured (a lab
     * without capture), or state {@code index} inferred from a capture's segments rather than sampled;
     * only for a segment or a state.
     */
    public boolean inferred(int index) {
        return (code(index) & INFERRED_BIT) != 0;
    }

    /** The payload length of segment {@code index}; only for a segment. */
    public int length(int index) {
        return chunk(index).get(JAVA_INT, LEN + 4L * (index & MASK));
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
}
