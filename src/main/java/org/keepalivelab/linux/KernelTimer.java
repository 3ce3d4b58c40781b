package org.keepalivelab.linux;

/** Which timer the kernel has armed on a socket, as {@code /proc/net/tcp} numbers them ({@code tr}). */
public enum KernelTimer {
    NONE, RETRANSMIT, KEEPALIVE, TIME_WAIT, ZERO_WINDOW_PROBE;

    static KernelTimer ofProc(int number) {
        var all = values();
        return number >= 0 && number < all.length ? all[number] : NONE;
    }
}
