package org.keepalivelab.lab;

import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.keepalivelab.linux.TcpSysctl;

/**
 * One of the lab's own TCP sysctls and its value ({@code --sysctl tcp_retries2=5}), within the range the
 * kernel takes ({@link TcpSysctl}). It is set in the lab's own network namespace only, never in the host's
 * ({@link LabKernel}).
 */
public record LabSysctl(TcpSysctl sysctl, int value) {

    public LabSysctl {
        range(sysctl).check(value);
    }

    /** The values {@code sysctl} takes, named as sysctl(8) names it: "net.ipv4.tcp_retries2 must be 0..255". */
    public static Range range(TcpSysctl sysctl) {
        return new Range(sysctl.fullName(), sysctl.min(), sysctl.max(), sysctl.unit());
    }

    /**
     * Reads {@code NAME=VALUE}, the name with or without {@code net.ipv4.}.
     *
     * @throws IllegalArgumentException naming what is wrong and what is allowed
     */
    public static LabSysctl parse(String text) {
        int equals = text.indexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException("'" + text + "' is not NAME=VALUE, as in tcp_retries2=5");
        }
        String name = text.substring(0, equals);
        var sysctl = TcpSysctl.named(name).orElseThrow(() -> new IllegalArgumentException("the lab cannot set '"
                + name.strip() + "': it sets " + names() + " (under net.ipv4.)"));
        String number = text.substring(equals + 1).strip();
        try {
            return new LabSysctl(sysctl, Integer.parseInt(number));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(sysctl.fullName() + " must be a whole number in " + range(sysctl)
                    + ", not '" + number + "'");
        }
    }

    private static String names() {
        return Arrays.stream(TcpSysctl.values()).map(TcpSysctl::shortName).collect(Collectors.joining(", "));
    }

    /** Writes it in this process's network namespace: the caller makes sure that is the lab's own. */
    void apply() {
        try {
            sysctl.write(value);
        } catch (IOException e) {
            throw new LabException("Could not set " + this + " in the lab's network namespace: " + e.getMessage());
        }
    }

    /** {@code net.ipv4.tcp_retries2=5}. */
    @Override
    public String toString() {
        return sysctl.fullName() + "=" + value;
    }
}
