package org.keepalivelab.imports;

import java.io.IOException;
import java.util.Optional;

/** Reads a capture's packets in file order, one at a time, into a reused {@link Packet}. */
public sealed interface PacketReader permits PcapReader, PcapngReader {

    /**
     * Reads the next packet into {@code packet}.
     *
     * @return false at the end of the file, cut short or not ({@link #truncatedAt()} tells)
     * @throws BadCaptureException where the file cannot be read on
     */
    boolean next(Packet packet) throws IOException, BadCaptureException;

    /** Where the file ended inside a record or block: the packet that was cut, and where it began. */
    Optional<Position> truncatedAt();

    /** The packets read so far. */
    long packets();

    /**
     * Opens the reader the file's magic number asks for: classic pcap (draft-ietf-opsawg-pcap, section 4,
     * either byte order, µs or ns stamps) or pcapng (draft-ietf-opsawg-pcapng, section 4.1: a Section
     * Header Block first).
     *
     * @throws BadCaptureException for any other magic number or an empty file
     */
    static PacketReader open(CaptureStream in) throws IOException, BadCaptureException {
        return open(in, CaptureInterface.Listener.NONE);
    }

    /** {@link #open(CaptureStream)}, telling {@code interfaces} of each interface as it is described. */
    static PacketReader open(CaptureStream in, CaptureInterface.Listener interfaces)
            throws IOException, BadCaptureException {
        var magic = new byte[4];
        int n = in.read(magic, 0, 4);
        var start = new Position(1, 0);
        if (n == 0) {
            throw new BadCaptureException(start, "the file is empty, not a pcap or pcapng capture");
        }
        if (n < 4) {
            throw new BadCaptureException(start, "the file ends after " + n + " bytes, before a magic number");
        }
        int big = Bytes.u32(magic, 0, true);
        if (big == PcapngReader.SECTION_HEADER) {
            return new PcapngReader(in, interfaces);
        }
        var pcap = PcapReader.ofMagic(in, magic, interfaces);
        if (pcap != null) {
            return pcap;
        }
        throw new BadCaptureException(start, String.format("magic number 0x%08x is neither pcap's (0xa1b2c3d4, "
                + "0xa1b23c4d, either byte order) nor pcapng's (0x0a0d0d0a)", big));
    }
}
