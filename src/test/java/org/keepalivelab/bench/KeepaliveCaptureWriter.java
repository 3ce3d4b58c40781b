package org.keepalivelab.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a big classic pcap (raw IPv4, µs) of many connections that do nothing but keep-alive: each
 * opens with a handshake and one 5-byte write, then every second its server probes and its client
 * answers, all connections interleaved as one capture of a busy host would hold them. Straight into a
 * 4 MiB buffer, about 60 bytes a packet: 10 million packets take seconds.
 */
public final class KeepaliveCaptureWriter {
    private static final int RECORD = 16 + 40;
    private static final int SERVER_PORT = 8080;
    private static final long START_SECONDS = 1_700_000_000L;
    private static final int SYN = 0x02;
    private static final int ACK = 0x10;
    private static final int PSH = 0x08;
    private static final int OPENING = 5; // SYN, SYN-ACK, ACK, data, its ACK

    private final ByteBuffer out = ByteBuffer.allocateDirect(4 << 20).order(ByteOrder.LITTLE_ENDIAN);
    private FileChannel channel;
    private int ipId;

    /** What was written: packets and keep-alive probes (each answered by a keep-alive ACK). */
    public record Written(long packets, long keepalives) {
    }

    /** Writes {@code packets} packets (rounded down to whole probe rounds) of {@code connections} connections. */
    public Written write(Path file, int connections, long packets) throws IOException {
        long rounds = (packets / connections - OPENING) / 2;
        try (var ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            channel = ch;
            out.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262144).putInt(101);
            for (int c = 0; c < connections; c++) {
                long micros = c * 10L;
                int client = clientAddress(c);
                int port = 32768 + c % 28000;
                segment(micros, client, port, true, 1000, 0, SYN, 0);
                segment(micros + 1, client, port, false, 5000, 1001, SYN | ACK, 0);
                segment(micros + 2, client, port, true, 1001, 5001, ACK, 0);
                segment(micros + 3, client, port, true, 1001, 5001, PSH | ACK, 5);
                segment(micros + 4, client, port, false, 5001, 1006, ACK, 0);
            }
            for (long r = 1; r <= rounds; r++) {
                for (int c = 0; c < connections; c++) {
                    long micros = r * 1_000_000L + c * 10L;
                    int client = clientAddress(c);
                    int port = 32768 + c % 28000;
                    segment(micros, client, port, false, 5000, 1006, ACK, 0);     // keep-alive: seq one before next
                    segment(micros + 5, client, port, true, 1006, 5001, ACK, 0);  // its ACK
                }
            }
            flush();
        }
        return new Written(connections * (OPENING + 2 * rounds), connections * rounds);
    }

    /** 10.x.y.z: one address per 28000 ports, so no two connections share an address pair. */
    private static int clientAddress(int c) {
        return 0x0a000000 | (c / 28000 + 2);
    }

    private void segment(long micros, int client, int clientPort, boolean fromClient, long seq, long ack, int flags,
                         int payload) throws IOException {
        if (out.remaining() < RECORD + payload) {
            flush();
        }
        long seconds = START_SECONDS + micros / 1_000_000;
        out.putInt((int) seconds).putInt((int) (micros % 1_000_000)).putInt(40 + payload).putInt(40 + payload);
        // IPv4 and TCP headers are big-endian: write them through the buffer in network order.
        out.order(ByteOrder.BIG_ENDIAN);
        out.put((byte) 0x45).put((byte) 0).putShort((short) (40 + payload)).putShort((short) ipId++)
                .putShort((short) 0x4000).put((byte) 64).put((byte) 6).putShort((short) 0)
                .putInt(fromClient ? client : 0x0a000001).putInt(fromClient ? 0x0a000001 : client);
        out.putShort((short) (fromClient ? clientPort : SERVER_PORT)).putShort((short) (fromClient ? SERVER_PORT : clientPort))
                .putInt((int) seq).putInt((int) ack).put((byte) 0x50).put((byte) flags).putShort((short) 512)
                .putShort((short) 0).putShort((short) 0);
        for (int i = 0; i < payload; i++) {
            out.put((byte) 'x');
        }
        out.order(ByteOrder.LITTLE_ENDIAN);
    }

    private void flush() throws IOException {
        out.flip();
        while (out.hasRemaining()) {
            channel.write(out);
        }
        out.clear();
    }
}
