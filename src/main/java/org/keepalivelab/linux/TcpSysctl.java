package org.keepalivelab.linux;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The TCP sysctls a lab may set in a network namespace of its own ({@code --sysctl}), each with the
 * values the kernel takes, as {@code net/ipv4/sysctl_net_ipv4.c} (Linux 6.x, {@code ipv4_net_table})
 * declares them:
 *
 * <ul>
 *   <li>the counts are {@code u8} fields read by {@code proc_dou8vec_minmax}, which refuses anything outside
 *       0..255 ({@code kernel/sysctl.c}) and, for {@code tcp_syn_retries}, outside its {@code extra1}/{@code extra2}
 *       bounds {@code tcp_syn_retries_min} = 1 and {@code tcp_syn_retries_max} = {@code MAX_TCP_SYNCNT} = 127
 *       ({@code include/net/tcp.h});</li>
 *   <li>the times are seconds read by {@code proc_dointvec_jiffies}, which stores them as jiffies and refuses
 *       more than {@code INT_MAX / HZ} ({@code do_proc_dointvec_jiffies_conv}, {@code kernel/sysctl.c}): the
 *       lab allows up to {@value #JIFFIES_SECONDS_MAX}, {@code INT_MAX / 1000}, which a kernel of any
 *       {@code CONFIG_HZ} (100, 250, 300 or 1000, {@code kernel/Kconfig.hz}) takes. The kernel also takes a
 *       negative time, which means nothing for a timer; the lab refuses it.</li>
 * </ul>
 *
 * Each was checked by writing its bounds and one past them inside {@code unshare -Urn} (Linux 6.18).
 */
public enum TcpSysctl {
    TCP_KEEPALIVE_TIME("tcp_keepalive_time", 0, TcpSysctl.JIFFIES_SECONDS_MAX, "s"),
    TCP_KEEPALIVE_INTVL("tcp_keepalive_intvl", 0, TcpSysctl.JIFFIES_SECONDS_MAX, "s"),
    TCP_KEEPALIVE_PROBES("tcp_keepalive_probes", 0, TcpSysctl.U8_MAX, ""),
    TCP_RETRIES2("tcp_retries2", 0, TcpSysctl.U8_MAX, ""),
    TCP_FIN_TIMEOUT("tcp_fin_timeout", 0, TcpSysctl.JIFFIES_SECONDS_MAX, "s"),
    TCP_ORPHAN_RETRIES("tcp_orphan_retries", 0, TcpSysctl.U8_MAX, ""),
    /** {@code tcp_syn_retries_min} and {@code MAX_TCP_SYNCNT}. */
    TCP_SYN_RETRIES("tcp_syn_retries", 1, 127, "");

    /** {@code INT_MAX / 1000}: seconds every kernel's {@code proc_dointvec_jiffies} takes, whatever its HZ. */
    public static final int JIFFIES_SECONDS_MAX = Integer.MAX_VALUE / 1000;
    private static final int U8_MAX = 255;
    private static final String PREFIX = "net.ipv4.";

    private final String shortName;
    private final int min;
    private final int max;
    private final String unit;

    TcpSysctl(String shortName, int min, int max, String unit) {
        this.shortName = shortName;
        this.min = min;
        this.max = max;
        this.unit = unit;
    }

    /** The name under {@code net.ipv4.}: {@code tcp_retries2}. */
    public String shortName() {
        return shortName;
    }

    /** The name as sysctl(8) writes it: {@code net.ipv4.tcp_retries2}. */
    public String fullName() {
        return PREFIX + shortName;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    /** "s" for the times, "" for the counts. */
    public String unit() {
        return unit;
    }

    /** The sysctl called {@code name}, with or without its {@code net.ipv4.} (or {@code net/ipv4/}) prefix. */
    public static Optional<TcpSysctl> named(String name) {
        String plain = name.strip().toLowerCase(Locale.ROOT).replace('/', '.');
        String unprefixed = plain.startsWith(PREFIX) ? plain.substring(PREFIX.length()) : plain;
        return Arrays.stream(values()).filter(s -> s.shortName.equals(unprefixed)).findFirst();
    }

    /** The value in force in this process's network namespace, or -1 where it cannot be read (off Linux). */
    public int read() {
        try {
            return Integer.parseInt(Sysctl.read(path()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Sets it in this process's network namespace: only ever called in the lab's own, never in the host's.
     *
     * @throws IOException with the kernel's reason, e.g. a value it refuses or no privilege to write
     */
    public void write(int value) throws IOException {
        Sysctl.write(path(), Integer.toString(value));
    }

    private String path() {
        return "net/ipv4/" + shortName;
    }
}
