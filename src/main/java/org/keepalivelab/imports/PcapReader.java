package org.keepalivelab.imports;

import java.io.IOException;
import java.util.Optional;

/**
 * Classic pcap (draft-ietf-opsawg-pcap): a 24-byte file header, then per packet a 16-byte record header
 * (seconds, µs or ns by the magic number, captured length, original length) and the captured bytes.
 * The magic number's byte order is the file's. Its one interface (0) is the header's link type and snap
 * length, its stamps counting µs or ns.
 */
public final class PcapReader implements PacketReader {
    private static final int MAGIC_MICROS = 0xa1b2c3d4;
    private static final int MAGIC_NANOS = 0xa1b23c4d;
    private static final int FILE_HEADER = 24;
    private static final int RECORD_HEADER = 16;

    private final CaptureStream in;
    private final boolean bigEndian;
    private final long fractionNanos; // ns per unit of the stamp's second field
    private final long unitsPerSecond; // of the stamp's second field
    private final byte[] header = new byte[FILE_HEADER];
    private int linkType;
    private long packets;
    private Position truncatedAt;

    private PcapReader(CaptureStream in, byte[] magic, boolean bigEndian, boolean nanos,
                       CaptureInterface.Listener interfaces) throws IOException, BadCaptureException {
        this.in = in;
        this.bigEndian = bigEndian;
        this.fractionNanos = nanos ? 1 : 1000;
        this.unitsPerSecond = nanos ? 1_000_000_000L : 1_000_000L;
        System.arraycopy(magic, 0, header, 0, 4);
        if (in.read(header, 4, FILE_HEADER - 4) < FILE_HEADER - 4) {
            truncatedAt = new Position(1, 0);
            return;
        }
        int major = Bytes.u16(header, 4, bigEndian);
        if (major != 2) {
            throw new BadCaptureException(new Position(1, 4), "pcap version " + major + "."
                    + Bytes.u16(header, 6, bigEndian) + " is not 2.x, the only version there is");
        }
        // The header's snap length is not checked: libpcap forgives 0 and oversized values (sf-pcap.c);
        // each record's captured length is checked instead. The link type is the field's low 16 bits
        // (section 4: "LinkType and additional information"; the high bits say whether an FCS follows).
        linkType = Bytes.u32(header, 20, bigEndian) & 0xffff;
        if (!LinkLayer.supported(linkType)) {
            throw new BadCaptureException(new Position(1, 20), LinkLayer.unsupported(linkType));
        }
        interfaces.described(new CaptureInterface(0, linkType, Bytes.u32Long(header, 16, bigEndian),
                nanos ? Timestamps.NANOSECONDS : Timestamps.DEFAULT_RESOLUTION, 0, Optional.empty(), Optional.empty()));
    }

    /** The reader for a classic pcap magic number, or null when {@code magic} is none. */
    static PcapReader ofMagic(CaptureStream in, byte[] magic, CaptureInterface.Listener interfaces)
            throws IOException, BadCaptureException {
        for (boolean bigEndian : new boolean[] {true, false}) {
            int value = Bytes.u32(magic, 0, bigEndian);
            if (value == MAGIC_MICROS || value == MAGIC_NANOS) {
                return new PcapReader(in, magic, bigEndian, value == MAGIC_NANOS, interfaces);
            }
        }
        return null;
    }

    @Override
    public boolean next(Packet packet) throws IOException, BadCaptureException {
        if (truncatedAt != null) {
            return false;
        }
        long offset = in.offset();
        var at = new Position(packets + 1, offset);
        int n = in.read(header, 0, RECORD_HEADER);
        if (n == 0) {
            return false;
        }
        if (n < RECORD_HEADER) {
            truncatedAt = at;
            return false;
        }
        long captured = Bytes.u32Long(header, 8, bigEndian);
        Packet.checkCaptured(at, captured);
        if (in.read(packet.data, 0, (int) captured) < captured) {
            truncatedAt = at;
            return false;
        }
        packets++;
        packet.number = packets;
        packet.offset = offset;
        packet.linkType = linkType;
        packet.captured = (int) captured;
        packet.original = (int) Math.min(Integer.MAX_VALUE, Bytes.u32Long(header, 12, bigEndian));
        long seconds = Bytes.u32Long(header, 0, bigEndian);
        long fraction = Bytes.u32Long(header, 4, bigEndian);
        packet.interfaceId = 0;
        packet.epochNanos = seconds * 1_000_000_000L + fraction * fractionNanos;
        packet.stamp = seconds * unitsPerSecond + fraction;
        packet.timestamped = true;
        return true;
    }

    @Override
    public Optional<Position> truncatedAt() {
        return Optional.ofNullable(truncatedAt);
    }

    @Override
    public long packets() {
        return packets;
    }
}
