package org.keepalivelab.model.store;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Texts kept in the store (the exception texts of application events), each a length and its UTF-8
 * bytes in mapped blocks, found again by the offset {@link #append} returned. A text already among the
 * last {@value #REMEMBERED} distinct ones comes back as its first offset, so a thousand connections
 * timing out store "Connection timed out" once; a run of ever new texts stores each, and the heap holds
 * only those {@value #REMEMBERED}.
 *
 * <p>One writer (callers serialise {@link #append}); readers read, without a lock, offsets published to
 * them after the append returned.
 */
public final class TextLog {
    /** Distinct texts remembered for reuse: a run has a handful (docs/architecture.md, "The store"). */
    static final int REMEMBERED = 256;
    private static final int BLOCK_BITS = 16;
    private static final int BLOCK = 1 << BLOCK_BITS;
    /** A text's most bytes: an exception text is a line; a longer one is cut, at a character boundary. */
    static final int MAX_BYTES = BLOCK - Integer.BYTES;
    private static final ValueLayout.OfInt LENGTH = ValueLayout.JAVA_INT_UNALIGNED;

    private final MappedBlocks blocks;
    private final Map<String, Long> recent = new LinkedHashMap<>(REMEMBERED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED;
        }
    };
    private volatile MemorySegment[] table = new MemorySegment[4];
    private int count;
    private long used = BLOCK; // none free: the first append takes a block

    public TextLog(StoreDirectory directory, String name) {
        this.blocks = new MappedBlocks(directory, name, BLOCK, 16L << 20);
    }

    /** Stores {@code text} (or finds it among the recent); returns where it is. */
    public long append(String text) {
        Long known = recent.get(text);
        if (known != null) {
            return known;
        }
        byte[] bytes = utf8(text);
        if (BLOCK - used < Integer.BYTES + bytes.length) {
            MemorySegment[] t = table;
            if (count == t.length) {
                t = Arrays.copyOf(t, count * 2);
            }
            t[count++] = blocks.allocate(BLOCK);
            table = t;
            used = 0;
        }
        var block = table[count - 1];
        long offset = ((long) (count - 1) << BLOCK_BITS) + used;
        block.set(LENGTH, used, bytes.length);
        MemorySegment.copy(bytes, 0, block, ValueLayout.JAVA_BYTE, used + Integer.BYTES, bytes.length);
        used += Integer.BYTES + bytes.length;
        recent.put(text, offset);
        return offset;
    }

    /** The text at {@code offset}, from {@link #append}. */
    public String read(long offset) {
        var block = table[(int) (offset >>> BLOCK_BITS)];
        long at = offset & (BLOCK - 1);
        int length = block.get(LENGTH, at);
        byte[] bytes = new byte[length];
        MemorySegment.copy(block, ValueLayout.JAVA_BYTE, at + Integer.BYTES, bytes, 0, length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The text's bytes, cut to {@link #MAX_BYTES} at a character boundary where it is longer. */
    private static byte[] utf8(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_BYTES) {
            return bytes;
        }
        int end = MAX_BYTES;
        while ((bytes[end] & 0xc0) == 0x80) {
            end--; // a continuation byte: back to the start of its character
        }
        return Arrays.copyOf(bytes, end);
    }
}
