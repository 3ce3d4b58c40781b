package org.keepalivelab.imports;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * pcapng (draft-ietf-opsawg-pcapng), streamed block by block. Every block is a type, a total length, a
 * body and the length again (section 3.1); a reader skips what it does not know by its length. Read:
 * the Section Header Block (4.1: its byte-order magic sets the byte order of its section; a new one
 * starts a new section and forgets the interfaces), the Interface Description Block (4.2: link type,
 * snap length, the {@code if_name}, {@code if_description}, {@code if_tsresol} and {@code if_tsoffset}
 * options; told to a {@link CaptureInterface.Listener}), the Enhanced Packet Block (4.3),
 * the Simple Packet Block (4.4: no interface, no timestamp) and the obsolete Packet Block (appendix A).
 * Lengths are checked against the block and the limits below before anything is read by them.
 */
public final class PcapngReader implements PacketReader {
    static final int SECTION_HEADER = 0x0a0d0d0a;
    private static final int INTERFACE = 1;
    private static final int OBSOLETE_PACKET = 2;
    private static final int SIMPLE_PACKET = 3;
    private static final int ENHANCED_PACKET = 6;
    private static final int BYTE_ORDER_MAGIC = 0x1a2b3c4d;
    /** libpcap's largest block (sf-pcapng.c, INITIAL_MAX_BLOCKSIZE: 16 MiB); longer is a damaged length. */
    static final long MAX_BLOCK = 16L << 20;
    /** More interfaces in one section than any capture describes: a damaged file. */
    private static final int MAX_INTERFACES = 1 << 16;
    private static final int OPT_END = 0;
    private static final int IF_NAME = 2;
    private static final int IF_DESCRIPTION = 3;
    private static final int IF_TSRESOL = 9;
    private static final int IF_TSOFFSET = 14;

    /** The stream ended inside a block: thrown to {@link #next}, which records where. */
    private static final class Cut extends Exception {
        Cut() {
            super(null, null, false, false);
        }
    }

    private final CaptureStream in;
    private final byte[] fields = new byte[28];
    private final CaptureInterface.Listener listener;
    private final List<CaptureInterface> interfaces = new ArrayList<>(); // this section's, without their text
    private int described; // interfaces described in the file so far, every section's
    private boolean bigEndian;
    private long packets;
    private long lastEpochNanos;
    private Position truncatedAt;
    private Position block; // where the block being read starts
    private long remaining; // bytes of its body not read yet

    /** Reads the first Section Header Block, whose type the caller has read. */
    PcapngReader(CaptureStream in, CaptureInterface.Listener listener) throws IOException, BadCaptureException {
        this.in = in;
        this.listener = listener;
        block = new Position(1, 0);
        try {
            readSectionHeader();
        } catch (Cut e) {
            truncatedAt = block;
        }
    }

    @Override
    public boolean next(Packet packet) throws IOException, BadCaptureException {
        while (truncatedAt == null) {
            block = new Position(packets + 1, in.offset());
            try {
                int n = in.read(fields, 0, 4);
                if (n == 0) {
                    return false;
                }
                if (n < 4) {
                    throw new Cut();
                }
                int type = Bytes.u32(fields, 0, bigEndian);
                if (type == SECTION_HEADER) {
                    readSectionHeader();
                } else if (readBlock(type, packet)) {
                    return true;
                }
            } catch (Cut e) {
                truncatedAt = block;
            }
        }
        return false;
    }

    /** One block after its type; true when it was a packet, now in {@code packet}. */
    private boolean readBlock(int type, Packet packet) throws IOException, BadCaptureException, Cut {
        read(4);
        long length = Bytes.u32Long(fields, 0, bigEndian);
        checkLength(length, 12);
        remaining = length - 12;
        CaptureInterface face = null;
        boolean isPacket = switch (type) {
            case INTERFACE -> {
                face = readInterface();
                yield false;
            }
            case ENHANCED_PACKET, OBSOLETE_PACKET -> {
                readPacket(type, packet);
                yield true;
            }
            case SIMPLE_PACKET -> {
                readSimplePacket(packet);
                yield true;
            }
            default -> false; // name resolution, statistics, secrets, custom: nothing the lab needs
        };
        skip(remaining);
        readTrailer(length);
        if (face != null) { // told once the whole block is read: a block cut short describes nothing
            interfaces.add(face.withoutText());
            described++;
            listener.described(face);
        }
        if (isPacket) {
            packets++;
            packet.number = packets;
            packet.offset = block.offset();
        }
        return isPacket;
    }

    /** Section 4.1: the byte-order magic, version 1.x, the section length (ignored), options. */
    private void readSectionHeader() throws IOException, BadCaptureException, Cut {
        read(8);
        int magic = Bytes.u32(fields, 4, true);
        if (magic == BYTE_ORDER_MAGIC) {
            bigEndian = true;
        } else if (Integer.reverseBytes(magic) == BYTE_ORDER_MAGIC) {
            bigEndian = false;
        } else {
            throw new BadCaptureException(block, String.format("the section header's byte-order magic 0x%08x "
                    + "is not 0x1a2b3c4d in either byte order", magic));
        }
        long length = Bytes.u32Long(fields, 0, bigEndian);
        checkLength(length, 28);
        remaining = length - 16;
        readBody(4);
        int major = Bytes.u16(fields, 0, bigEndian);
        if (major != 1) {
            throw new BadCaptureException(block, "pcapng version " + major + "." + Bytes.u16(fields, 2, bigEndian)
                    + " is not 1.x, the version the lab reads");
        }
        skip(remaining); // the section length (-1 when unknown) and the options: nothing the lab needs
        readTrailer(length);
        interfaces.clear();
    }

    /**
     * Section 4.2: link type, snap length, then options, of which {@code if_name}, {@code if_description},
     * {@code if_tsresol} and {@code if_tsoffset} count.
     */
    private CaptureInterface readInterface() throws IOException, BadCaptureException, Cut {
        if (interfaces.size() == MAX_INTERFACES || described == Integer.MAX_VALUE) {
            throw new BadCaptureException(block, "more than " + MAX_INTERFACES + " interfaces in one section (or "
                    + Integer.MAX_VALUE + " in one file)");
        }
        readBody(8);
        int linkType = Bytes.u16(fields, 0, bigEndian);
        long snapLength = Bytes.u32Long(fields, 4, bigEndian);
        int resolution = Timestamps.DEFAULT_RESOLUTION;
        long offsetSeconds = 0;
        String name = null;
        String description = null;
        while (remaining >= 4) {
            readBody(4);
            int code = Bytes.u16(fields, 0, bigEndian);
            int valueLength = Bytes.u16(fields, 2, bigEndian);
            long padded = (valueLength + 3) & ~3L;
            if (padded > remaining) {
                throw new BadCaptureException(block, "interface option " + code + " of " + valueLength
                        + " bytes runs past its block");
            }
            if (code == OPT_END) {
                break;
            } else if (code == IF_NAME) {
                name = readText(valueLength, padded);
            } else if (code == IF_DESCRIPTION) {
                description = readText(valueLength, padded);
            } else if (code == IF_TSRESOL && valueLength == 1) {
                readBody(4);
                resolution = Byte.toUnsignedInt(fields[0]);
                if (!Timestamps.readable(resolution)) {
                    throw new BadCaptureException(block, Timestamps.unreadable(resolution));
                }
            } else if (code == IF_TSOFFSET && valueLength == 8) {
                readBody(8);
                offsetSeconds = bigEndian
                        ? Bytes.u32Long(fields, 0, true) << 32 | Bytes.u32Long(fields, 4, true)
                        : Bytes.u32Long(fields, 4, false) << 32 | Bytes.u32Long(fields, 0, false);
            } else {
                skipBody(padded);
            }
        }
        return new CaptureInterface(described, linkType, snapLength, resolution, offsetSeconds,
                Optional.ofNullable(name), Optional.ofNullable(description));
    }

    /** A text option's UTF-8 value: at most 65,535 bytes (its length is 16 bits), already checked to fit the block. */
    private String readText(int length, long padded) throws IOException, Cut {
        var value = new byte[length];
        if (in.read(value, 0, length) < length) {
            throw new Cut();
        }
        remaining -= length;
        skipBody(padded - length);
        return new String(value, UTF_8);
    }

    /** Section 4.3 (and appendix A's Packet Block, whose interface is 16 bits followed by a drop count). */
    private void readPacket(int type, Packet packet) throws IOException, BadCaptureException, Cut {
        readBody(20);
        long id = type == ENHANCED_PACKET ? Bytes.u32Long(fields, 0, bigEndian) : Bytes.u16(fields, 0, bigEndian);
        if (id >= interfaces.size()) {
            throw new BadCaptureException(block, "the packet names interface " + id + " but its section describes "
                    + interfaces.size());
        }
        var face = interfaces.get((int) id);
        long stamp = Bytes.u32Long(fields, 4, bigEndian) << 32 | Bytes.u32Long(fields, 8, bigEndian);
        long captured = Bytes.u32Long(fields, 12, bigEndian);
        long original = Bytes.u32Long(fields, 16, bigEndian);
        readData(packet, captured);
        lastEpochNanos = Timestamps.epochNanos(stamp, face.resolution(), face.offsetSeconds());
        fill(packet, face, captured, original, true);
        packet.stamp = stamp;
    }

    /** Section 4.4: the first interface's, no timestamp; the data is the shorter of the snap and original lengths. */
    private void readSimplePacket(Packet packet) throws IOException, BadCaptureException, Cut {
        if (interfaces.isEmpty()) {
            throw new BadCaptureException(block, "a simple packet block comes before any interface is described");
        }
        readBody(4);
        var face = interfaces.getFirst();
        long original = Bytes.u32Long(fields, 0, bigEndian);
        long captured = Math.min(original, remaining);
        if (face.snapLength() != 0) {
            captured = Math.min(captured, face.snapLength());
        }
        readData(packet, captured);
        fill(packet, face, captured, original, false); // it keeps the previous packet's time
        packet.stamp = Timestamps.stamp(lastEpochNanos, face.resolution(), face.offsetSeconds());
    }

    private void fill(Packet packet, CaptureInterface face, long captured, long original, boolean timestamped) {
        packet.interfaceId = face.id();
        packet.linkType = face.linkType();
        packet.captured = (int) captured;
        packet.original = (int) Math.min(Integer.MAX_VALUE, original);
        packet.epochNanos = lastEpochNanos;
        packet.timestamped = timestamped;
    }

    private void readData(Packet packet, long captured) throws IOException, BadCaptureException, Cut {
        if (captured > remaining) {
            throw new BadCaptureException(block, "captured length " + captured + " runs past its block ("
                    + remaining + " bytes left)");
        }
        Packet.checkCaptured(block, captured);
        if (in.read(packet.data, 0, (int) captured) < captured) {
            throw new Cut();
        }
        remaining -= captured;
    }

    /** A block's total length: at least its fixed part, a multiple of 4 (section 3.1), at most {@link #MAX_BLOCK}. */
    private void checkLength(long length, int least) throws BadCaptureException {
        if (length < least || length % 4 != 0 || length > MAX_BLOCK) {
            throw new BadCaptureException(block, "block length " + length + " is not a multiple of 4 from " + least
                    + " to " + MAX_BLOCK + " bytes");
        }
    }

    private void readTrailer(long length) throws IOException, BadCaptureException, Cut {
        read(4);
        long trailer = Bytes.u32Long(fields, 0, bigEndian);
        if (trailer != length) {
            throw new BadCaptureException(block, "the block's trailing length " + trailer + " differs from its "
                    + "leading length " + length);
        }
    }

    /** Reads {@code n} bytes of the body into {@link #fields}. */
    private void readBody(int n) throws IOException, BadCaptureException, Cut {
        if (n > remaining) {
            throw new BadCaptureException(block, "the block's " + (remaining + 12) + " bytes are too few for its fields");
        }
        read(n);
        remaining -= n;
    }

    private void skipBody(long n) throws IOException, Cut {
        skip(n);
        remaining -= n;
    }

    private void read(int n) throws IOException, Cut {
        if (in.read(fields, 0, n) < n) {
            throw new Cut();
        }
    }

    private void skip(long n) throws IOException, Cut {
        if (in.skip(n) < n) {
            throw new Cut();
        }
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
