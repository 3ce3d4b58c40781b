package org.keepalivelab.imports;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Integers in a byte array, in the byte order a capture file chose. */
final class Bytes {
    private static final VarHandle U16_BE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle U16_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle U32_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle U32_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private Bytes() {
    }

    static int u16(byte[] b, int at, boolean bigEndian) {
        return Short.toUnsignedInt(bigEndian ? (short) U16_BE.get(b, at) : (short) U16_LE.get(b, at));
    }

    /** 32 bits as Java's int: compare with {@link Integer#compareUnsigned} or widen with {@link #u32Long}. */
    static int u32(byte[] b, int at, boolean bigEndian) {
        return bigEndian ? (int) U32_BE.get(b, at) : (int) U32_LE.get(b, at);
    }

    static long u32Long(byte[] b, int at, boolean bigEndian) {
        return Integer.toUnsignedLong(u32(b, at, bigEndian));
    }
}
