package org.keepalivelab.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Counts the records of a classic pcap file (µs or ns stamps) stamped before a given instant. */
final class PcapCounter {

    private PcapCounter() {
    }

    static long countBefore(Path pcap, long epochMicros) throws IOException {
        var data = ByteBuffer.wrap(Files.readAllBytes(pcap)).order(ByteOrder.LITTLE_ENDIAN);
        int magic = data.getInt(0);
        boolean nanos = switch (magic) {
            case 0xa1b2c3d4 -> false;
            case 0xa1b23c4d -> true;
            default -> throw new IOException(pcap + " is not a little-endian classic pcap file (magic "
                    + Integer.toHexString(magic) + ")");
        };
        long count = 0;
        for (int at = 24; at + 16 <= data.limit(); ) {
            long seconds = Integer.toUnsignedLong(data.getInt(at));
            long fraction = Integer.toUnsignedLong(data.getInt(at + 4));
            long micros = seconds * 1_000_000 + (nanos ? fraction / 1_000 : fraction);
            if (micros < epochMicros) {
                count++;
            }
            at += 16 + data.getInt(at + 8);
        }
        return count;
    }
}
