package org.keepalivelab.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.keepalivelab.imports.CaptureInterface;

/**
 * Writes pcapng blocks (draft-ietf-opsawg-pcapng), little-endian, one section: a Section Header Block
 * (4.1) naming the application ({@code shb_userappl}, option 4), an Interface Description Block (4.2)
 * per interface as its source described it (link type, snap length, {@code if_name} 2,
 * {@code if_description} 3, {@code if_tsresol} 9, {@code if_tsoffset} 14), numbered 0, 1, … in the order
 * added, and an Enhanced Packet Block (4.3) per packet, its stamp in its interface's units, with its
 * comment ({@code opt_comment}, option 1) where it has one. Every block and option is padded to 32 bits
 * (3.1, 3.5). One reused buffer, grown for a large packet.
 */
final class PcapngWriter {
    private static final int SECTION_HEADER = 0x0a0d0d0a;
    private static final int BYTE_ORDER_MAGIC = 0x1a2b3c4d;
    private static final int INTERFACE_DESCRIPTION = 1;
    private static final int ENHANCED_PACKET = 6;
    private static final short OPT_END = 0;
    private static final short OPT_COMMENT = 1;
    private static final short SHB_USERAPPL = 4;
    private static final short IF_NAME = 2;
    private static final short IF_DESCRIPTION = 3;
    private static final short IF_TSRESOL = 9;
    private static final short IF_TSOFFSET = 14;
    /** An option's length is 16 bits (3.5). */
    private static final int MAX_OPTION = 0xffff;

    private final OutputStream out;
    private ByteBuffer block = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

    /** Starts the file with its section header, naming {@code application}. */
    PcapngWriter(OutputStream out, String application) throws IOException {
        this.out = out;
        start(SECTION_HEADER, 64);
        block.putInt(BYTE_ORDER_MAGIC).putShort((short) 1).putShort((short) 0).putLong(-1); // version 1.0, length unknown
        option(SHB_USERAPPL, application.getBytes(StandardCharsets.UTF_8));
        end();
    }

    /**
     * Describes the next interface as {@code face} says: its link type, snap length, name and description
     * where it has them, its stamps' resolution, and their offset where there is one.
     */
    void addInterface(CaptureInterface face) throws IOException {
        byte[] name = face.name().map(PcapngWriter::text).orElse(null);
        byte[] description = face.description().map(PcapngWriter::text).orElse(null);
        start(INTERFACE_DESCRIPTION, 48 + (name == null ? 0 : name.length + 8)
                + (description == null ? 0 : description.length + 8));
        block.putShort((short) face.linkType()).putShort((short) 0).putInt((int) face.snapLength());
        if (name != null) {
            option(IF_NAME, name);
        }
        if (description != null) {
            option(IF_DESCRIPTION, description);
        }
        option(IF_TSRESOL, new byte[] {(byte) face.resolution()});
        if (face.offsetSeconds() != 0) {
            option(IF_TSOFFSET, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(face.offsetSeconds()).array());
        }
        end();
    }

    /** {@code text} in UTF-8, cut at a character's end where it runs past an option's 65,535 bytes. */
    private static byte[] text(String text) {
        var bytes = ByteBuffer.allocate(Math.min(MAX_OPTION, text.length() * 3));
        StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(text), bytes, true); // stops before a character that does not fit
        return Arrays.copyOf(bytes.array(), bytes.position());
    }

    /**
     * One packet on interface {@code iface}, at {@code stamp} of its units: {@code captured} bytes of
     * {@code data}, {@code original} on the wire, its comment or null.
     */
    void packet(int iface, long stamp, byte[] data, int captured, int original, String comment) throws IOException {
        byte[] words = comment == null ? null : comment.getBytes(StandardCharsets.UTF_8);
        start(ENHANCED_PACKET, 48 + captured + (words == null ? 0 : words.length + 8));
        block.putInt(iface).putInt((int) (stamp >>> 32)).putInt((int) stamp).putInt(captured).putInt(original);
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
