package org.keepalivelab.imports;

import java.io.IOException;
import java.util.Optional;

/**
 * An interface a capture describes, as the file has it: what writing the file again needs to keep each
 * packet on the interface it was captured on. A pcapng file's Interface Description Blocks
 * (draft-ietf-opsawg-pcapng, 4.2), or a classic pcap file's one interface (its header's link type and
 * snap length, µs or ns by its magic number).
 *
 * @param id           the interface's number in the file: the Interface Description Blocks counted in file
 *                     order from 0, across sections (a classic pcap file's one is 0)
 * @param linkType     its LINKTYPE_ value
 * @param snapLength   the most bytes a packet keeps (unsigned 32 bits; 0: no limit)
 * @param resolution   its {@code if_tsresol}: a stamp counts 10^-n s, 2^-n s with the high bit set
 * @param offsetSeconds its {@code if_tsoffset}: seconds added to every stamp
 * @param name         its {@code if_name} (option 2), where the file gives one
 * @param description  its {@code if_description} (option 3), where the file gives one
 */
public record CaptureInterface(int id, int linkType, long snapLength, int resolution, long offsetSeconds,
                               Optional<String> name, Optional<String> description) {

    /** Told of each interface as the reader reads its description, before any packet captured on it. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = described -> {
        };

        void described(CaptureInterface described) throws IOException;
    }

    /**
     * The same without its name and description: what a reader keeps of each interface of a section, so
     * that 65,536 descriptions with 64 KiB names do not fill the heap.
     */
    CaptureInterface withoutText() {
        return new CaptureInterface(id, linkType, snapLength, resolution, offsetSeconds, Optional.empty(), Optional.empty());
    }
}
