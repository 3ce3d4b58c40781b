package org.keepalivelab.imports;

/**
 * A place in a capture file: the number of a packet as tshark counts frames (the first is 1) and the
 * byte where its record or block starts, counted in the uncompressed stream.
 */
public record Position(long packet, long offset) {

    @Override
    public String toString() {
        return "packet " + packet + " at byte " + offset;
    }
}
