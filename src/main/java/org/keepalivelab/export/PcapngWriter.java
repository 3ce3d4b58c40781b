package org.keepalivelab.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes pcapng blocks (draft-ietf-opsawg-pcapng), little-endian, one section: a Section Header Block
 * (4.1) naming the application ({@code shb_userappl}, option 4), an Interface Description Block (4.2)
 * per interface with its link type and {@code if_tsresol} 9 (option 9: nanoseconds), and an Enhanced
 * Packet Block (4.3) per packet, with its comment ({@code opt_comment}, option 1) where it has one.
 * Every block and option is padded to 32 bits (3.1, 3.5). One reused buffer, grown for a large packet.
 */
final class PcapngWriter {
    private static final int SECTION_HEADER = 0x0a0d0d0a;
    private static final int BYTE_ORDER_MAGIC = 0x1a2b3c4d;
    private static final int INTERFACE_DESCRIPTION = 1;
    private static final int ENHANCED_PACKET = 6;
    private static final short OPT_END = 0;
    private static final short OPT_COMMENT = 1;
    private static final short SHB_USERAPPL = 4;
    private static final short IF_TSRESOL = 9;
    /** {@code if_tsresol} 9: a timestamp counts 10^-9 s. */
    private static final byte NANOSECONDS = 9;

    private final OutputStream out;
    private ByteBuffer block = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private int interfaces;

    /** Starts the file with its section header, naming {@code application}. */
    PcapngWriter(OutputStream out, String application) throws IOException {
        this.out = out;
        start(SECTION_HEADER, 64);
        block.putInt(BYTE_ORDER_MAGIC).putShort((short) 1).putShort((short) 0).putLong(-1); // version 1.0, length unknown
        option(SHB_USERAPPL, application.getBytes(StandardCharsets.UTF_8));
        end();
    }

    /** Describes the next interface ({@code link type}, the most bytes a packet keeps); returns its id. */
    int addInterface(int linkType, int snapLength) throws IOException {
        start(INTERFACE_DESCRIPTION, 32);
        block.putShort((short) linkType).putShort((short) 0).putInt(snapLength);
        option(IF_TSRESOL, new byte[] {NANOSECONDS});
        end();
        return interfaces++;
    }

    /** One packet: {@code captured} bytes of {@code data}, {@code original} on the wire, its comment or null. */
    void packet(int iface, long epochNanos, byte[] data, int captured, int original, String comment) throws IOException {
        byte[] words = comment == null ? null : comment.getBytes(StandardCharsets.UTF_8);
        start(ENHANCED_PACKET, 48 + captured + (words == null ? 0 : words.length + 8));
        block.putInt(iface).putInt((int) (epochNanos >>> 32)).putInt((int) epochNanos).putInt(captured).putInt(original);
        block.put(data, 0, captured);
        pad();
        if (words != null) {
            option(OPT_COMMENT, words);
        }
        end();
    }

    private void start(int type, int room) {
        if (block.capacity() < room + 16) {
            block = ByteBuffer.allocate(room + 16).order(ByteOrder.LITTLE_ENDIAN);
        }
        block.clear();
        block.putInt(type).putInt(0); // the length, set by end()
    }

    private void option(short code, byte[] value) {
        block.putShort(code).putShort((short) value.length).put(value);
        pad();
    }

    private void pad() {
        while (block.position() % 4 != 0) {
            block.put((byte) 0);
        }
    }

    /** Ends the options and the block: its length at both ends (3.1). */
    private void end() throws IOException {
        block.putShort(OPT_END).putShort((short) 0);
        int length = block.position() + 4;
        block.putInt(length);
        block.putInt(4, length);
        out.write(block.array(), 0, length);
    }
}
