package org.keepalivelab.imports;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipException;
import org.keepalivelab.capture.SegmentDecoder;
import org.keepalivelab.capture.TcpSegment;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.StateEvent;
import org.keepalivelab.model.TcpState;
import org.keepalivelab.model.Timeline;

/**
 * Reads a capture onto a timeline: each TCP segment of the file, in file order, decoded, given to its
 * connection (numbered in the order of their first packets), dropped if it is a duplicate, classified
 * by the live lab's analyzer and appended as a segment event, {@code t} counted from the file's first
 * packet, followed by a state event, flagged inferred, for each end whose TCP state it changes
 * ({@link StateInference}). Memory: the timeline's events, one small state per connection, one packet buffer.
 */
public final class CaptureImport {

    /** Hears which file packet became which timeline event (tests compare the labels with tshark's). */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = (packet, event) -> { };

        void segment(long packet, int event);
    }

    private final String file;
    private final Timeline timeline;
    private final EndpointFilter filter;
    private final Listener listener;
    private final Packet packet = new Packet();
    private final MemorySegment packetBytes = MemorySegment.ofArray(packet.data());
    private final FlowKey key = new FlowKey();
    private final Map<FlowKey, ImportedConnection> byAddresses = new HashMap<>();
    private final Set<FlowKey> filteredOut = new HashSet<>();
    private final List<ImportResult.Connection> connections = new ArrayList<>();
    private final EventIndexes assumed = new EventIndexes();
    private final StateInference.Sink stateSink = this::inferredState;
    private long stateT;
    private int stateConn;
    private long startEpochNanos;
    private long skipped;
    private long duplicated;
    private long filtered;

    private CaptureImport(String file, Timeline timeline, EndpointFilter filter, Listener listener) {
        this.file = file;
        this.timeline = timeline;
        this.filter = filter;
        this.listener = listener;
    }

    /**
     * Imports {@code in} (named {@code file} in messages) onto {@code timeline}.
     *
     * @param filter the connections to import, or null for all
     * @throws BadCaptureException when the file cannot be read on, or holds no TCP segment at all
     */
    public static ImportResult read(String file, CaptureStream in, Timeline timeline, EndpointFilter filter,
                                    Listener listener) throws IOException, BadCaptureException {
        return new CaptureImport(file, timeline, filter, listener).run(in);
    }

    private ImportResult run(CaptureStream in) throws IOException, BadCaptureException {
        PacketReader reader = null;
        try {
            reader = PacketReader.open(in);
            while (reader.next(packet)) {
                if (packet.number() == 1) {
                    startEpochNanos = packet.epochNanos();
                }
                accept();
            }
        } catch (ZipException e) {
            throw new BadCaptureException(new Position(reader == null ? 1 : reader.packets() + 1, in.offset()),
                    "the gzip-compressed data is damaged (" + e.getMessage() + ")");
        }
        var truncatedAt = reader.truncatedAt();
        if (truncatedAt.isEmpty() && connections.isEmpty() && filteredOut.isEmpty()) {
            throw new BadCaptureException(new Position(reader.packets(), in.offset()), "the file holds no TCP "
                    + "segment over IPv4 or IPv6 (" + reader.packets() + " packets, all something else)");
        }
        return new ImportResult(file, startEpochNanos, reader.packets(), skipped, duplicated, filtered, truncatedAt,
                List.copyOf(connections), assumed, filter);
    }

    private void accept() {
        byte[] data = packet.data();
        int captured = packet.captured();
        int ip = LinkLayer.ipOffset(packet.linkType(), data, captured);
        TcpSegment s = ip < 0 ? null : SegmentDecoder.decode(packetBytes.asSlice(ip, captured - ip), captured - ip);
        if (s == null) {
            skipped++;
            return;
        }
        boolean senderIsA = key.set(data, ip, s.srcPort(), s.dstPort());
        var conn = byAddresses.get(key);
        if (conn == null || conn.startsAnew(s)) {
            conn = open(data, ip, s, senderIsA);
            if (conn == null) {
                filtered++;
                return;
            }
        }
        if (conn.recent().seen(data, ip, captured, packet.epochNanos())) {
            duplicated++;
            return;
        }
        Direction dir = conn.direction(senderIsA);
        SegmentKind kind = conn.classify(dir, s);
        int event = timeline.size();
        long t = packet.epochNanos() - startEpochNanos;
        int number = conn.summary().conn();
        timeline.appendSegment(t, number, dir, s.flags(), s.seq(), s.ack(), s.len(), s.window(), kind, false, false);
        if (conn.assumed()) {
            assumed.add(event);
        }
        listener.segment(packet.number(), event);
        stateT = t;
        stateConn = number;
        conn.inferStates(dir, s, stateSink);
    }

    /** An inferred state, at the segment that moved it: one sink for every packet, so none allocates one. */
    private void inferredState(Side side, TcpState state) {
        timeline.append(StateEvent.inferredFromCapture(stateT, stateConn, side, state));
    }

    /** The connection this packet opens, or null when the filter leaves it out. */
    private ImportedConnection open(byte[] data, int ip, TcpSegment s, boolean senderIsA) {
        if (filteredOut.contains(key)) {
            return null;
        }
        boolean v4 = (data[ip] & 0xf0) == 0x40;
        int length = v4 ? 4 : 16;
        var sender = Endpoint.of(data, ip + (v4 ? 12 : 8), length, s.srcPort());
        var receiver = Endpoint.of(data, ip + (v4 ? 16 : 24), length, s.dstPort());
        if (filter != null && !filter.matches(sender, receiver)) {
            filteredOut.add(key.copy());
            return null;
        }
        var conn = ImportedConnection.open(connections.size() + 1, s, sender, receiver, senderIsA);
        connections.add(conn.summary());
        byAddresses.put(key.copy(), conn);
        return conn;
    }
}
