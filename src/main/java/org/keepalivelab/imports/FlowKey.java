package org.keepalivelab.imports;

/**
 * A connection's address pair, the same whichever way a packet goes: the lesser end (by address, then
 * port) is end A. Mutable so that looking up a packet allocates nothing; {@link #copy()} for a map key.
 */
final class FlowKey {
    private int version;
    private long aHigh;
    private long aLow;
    private int aPort;
    private long bHigh;
    private long bLow;
    private int bPort;

    /**
     * Sets the key from the IP header at {@code ip} and the segment's ports.
     *
     * @return true when the packet's sender is end A
     */
    boolean set(byte[] data, int ip, int srcPort, int dstPort) {
        version = (data[ip] & 0xf0) >>> 4;
        long srcHigh;
        long srcLow;
        long dstHigh;
        long dstLow;
        if (version == 4) {
            srcHigh = 0;
            srcLow = Bytes.u32Long(data, ip + 12, true);
            dstHigh = 0;
            dstLow = Bytes.u32Long(data, ip + 16, true);
        } else {
            srcHigh = u64(data, ip + 8);
            srcLow = u64(data, ip + 16);
            dstHigh = u64(data, ip + 24);
            dstLow = u64(data, ip + 32);
        }
        int order = Long.compareUnsigned(srcHigh, dstHigh);
        if (order == 0) {
            order = Long.compareUnsigned(srcLow, dstLow);
        }
        if (order == 0) {
            order = Integer.compare(srcPort, dstPort);
        }
        boolean srcIsA = order <= 0;
        aHigh = srcIsA ? srcHigh : dstHigh;
        aLow = srcIsA ? srcLow : dstLow;
        aPort = srcIsA ? srcPort : dstPort;
        bHigh = srcIsA ? dstHigh : srcHigh;
        bLow = srcIsA ? dstLow : srcLow;
        bPort = srcIsA ? dstPort : srcPort;
        return srcIsA;
    }

    private static long u64(byte[] data, int at) {
        return Bytes.u32Long(data, at, true) << 32 | Bytes.u32Long(data, at + 4, true);
    }

    FlowKey copy() {
        var key = new FlowKey();
        key.version = version;
        key.aHigh = aHigh;
        key.aLow = aLow;
        key.aPort = aPort;
        key.bHigh = bHigh;
        key.bLow = bLow;
        key.bPort = bPort;
        return key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlowKey k && version == k.version && aHigh == k.aHigh && aLow == k.aLow && aPort == k.aPort
                && bHigh == k.bHigh && bLow == k.bLow && bPort == k.bPort;
    }

    @Override
    public int hashCode() {
        long h = aHigh * 31 + aLow;
        h = h * 31 + bHigh;
        h = h * 31 + bLow;
        h = h * 31 + ((long) aPort << 16 | bPort);
        return Long.hashCode(h * 0x9e3779b97f4a7c15L);
    }
}
