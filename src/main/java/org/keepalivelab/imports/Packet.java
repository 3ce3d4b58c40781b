package org.keepalivelab.imports;

/**
 * One packet as a reader hands it over, reused from packet to packet: its interface and link type, its
 * time, the bytes the capture kept and the length it had on the wire. The bytes live in one buffer of
 * {@link #MAX_CAPTURED} bytes allocated once: no length read from a file ever sizes an allocation.
 */
public final class Packet {
    /**
     * The most bytes of one packet a capture may hold: libpcap's {@code MAXIMUM_SNAPLEN} (262144,
     * {@code pcap-int.h}), the snap length of {@code tcpdump -s 0}; libpcap refuses longer records too.
     */
    public static final int MAX_CAPTURED = 262_144;

    final byte[] data = new byte[MAX_CAPTURED];

    /** Refuses a captured length above {@link #MAX_CAPTURED}, before anything is read by it. */
    static void checkCaptured(Position at, long captured) throws BadCaptureException {
        if (captured > MAX_CAPTURED) {
            throw new BadCaptureException(at, "captured length " + captured + " is more than " + MAX_CAPTURED
                    + " bytes, the most any capture holds (libpcap's MAXIMUM_SNAPLEN)");
        }
    }
    int captured;
    int original;
    int linkType;
    int interfaceId;
    long epochNanos;
    long stamp;
    boolean timestamped;
    long number;
    long offset;

    /** The packet's bytes; the first {@link #captured()} hold it. */
    public byte[] data() {
        return data;
    }

    public int captured() {
        return captured;
    }

    /** Its length on the wire: more than {@link #captured()} when the snap length cut it. */
    public int original() {
        return original;
    }

    /** Its LINKTYPE_ value (tcpdump.org's link-layer header types). */
    public int linkType() {
        return linkType;
    }

    /** The interface it was captured on: its {@link CaptureInterface#id()}. */
    public int interfaceId() {
        return interfaceId;
    }

    /**
     * Its time as the file has it: a count of its interface's units ({@link CaptureInterface#resolution()})
     * before the interface's offset; for a packet that carries none, {@link #epochNanos()} in those units.
     */
    public long stamp() {
        return stamp;
    }

    /** When it was captured, in ns since the epoch; the previous packet's time when it carries none. */
    public long epochNanos() {
        return epochNanos;
    }

    /** False for a pcapng Simple Packet Block, which has no timestamp. */
    public boolean timestamped() {
        return timestamped;
    }

    /** Its number, as tshark counts frames: the first is 1. */
    public long number() {
        return number;
    }

    /** Where its record or block starts in the (uncompressed) stream. */
    public Position position() {
        return new Position(number, offset);
    }
}
