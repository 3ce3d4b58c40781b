package org.keepalivelab.lab;

import java.util.ArrayList;

/**
 * What the lab can do where it runs, decided when it starts: for the window's banner and the first
 * line of a headless run.
 *
 * @param capture          segments are captured ({@code CAP_NET_RAW}); without it, keep-alive probes are
 *                         inferred from {@code TCP_INFO} and marked so
 * @param sever            sever is available ({@code CAP_NET_ADMIN}); without it, see {@link Lab#severProblem()}
 * @param kernelState      each socket's state, probe count and timers are sampled from the kernel
 *                         ({@code TCP_INFO}, {@code /proc/net/tcp}): always on Linux, never elsewhere
 * @param privateNamespace the lab runs in a network namespace of its own (with a user namespace for an
 *                         ordinary user, without for root's {@code --sysctl})
 * @param banner           one sentence saying which mode is active, and why when it is a limited one
 */
public record LabMode(boolean capture, boolean sever, boolean kernelState, boolean privateNamespace, String banner) {

    /** What the read-once server does off Linux, where nothing tells the lab when the kernel ends a connection. */
    private static final String READ_ONCE_OFF_LINUX = "Nothing here shows when the kernel ends a connection, so a "
            + "read-once server reads on after its first message.";

    /** True where the lab cannot capture or sever: the banner then says what it lacks, and why. */
    public boolean limited() {
        return !capture || !sever;
    }

    static LabMode of(Isolation isolation, boolean capture, boolean sever) {
        if (!isolation.linux()) {
            return new LabMode(false, false, false, false, "Application events only: capture, sever and the kernel's "
                    + "socket state use Linux interfaces (AF_PACKET, socket filters, TCP_INFO), and this is "
                    + isolation.detail() + ". " + READ_ONCE_OFF_LINUX);
        }
        return new LabMode(capture, sever, true, isolation.ownNetwork(), banner(isolation, capture, sever));
    }

    private static String banner(Isolation isolation, boolean capture, boolean sever) {
        if (capture && sever) {
            return switch (isolation.kind()) {
                case PRIVATE_NAMESPACE -> "Private network namespace (unprivileged): full capture and sever.";
                case NETWORK_NAMESPACE -> "Private network namespace (privileged, for --sysctl): full capture and sever.";
                case HOST, DECLINED, REFUSED, OTHER_SYSTEM -> "Host network namespace (privileged): full capture and sever.";
            };
        }
        String missing = !capture && !sever ? "no capture and no sever" : capture ? "no sever" : "no capture";
        String offered = capture ? "full capture"
                : "application events and kernel state only, keep-alive probes inferred from TCP_INFO";
        var lacking = new ArrayList<String>();
        if (!capture) {
            lacking.add("CAP_NET_RAW");
        }
        if (!sever) {
            lacking.add("CAP_NET_ADMIN");
        }
        String lacks = String.join(" and ", lacking);
        String why = switch (isolation.kind()) {
            case DECLINED -> "--no-namespace, and this process lacks " + lacks;
            case REFUSED -> "no usable private network namespace: " + isolation.detail();
            case HOST -> "this process lacks " + lacks;
            case PRIVATE_NAMESPACE, NETWORK_NAMESPACE -> "the private network namespace lacks " + lacks;
            case OTHER_SYSTEM -> throw new IllegalArgumentException("not Linux: " + isolation.detail());
        };
        return "Limited mode, " + missing + ": " + offered + " (" + why + ").";
    }
}
