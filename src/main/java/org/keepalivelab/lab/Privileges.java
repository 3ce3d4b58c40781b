package org.keepalivelab.lab;

import org.keepalivelab.linux.LinuxException;
import org.keepalivelab.linux.PacketSocket;
import org.keepalivelab.linux.RawSocket;
import org.keepalivelab.linux.TcpSocket;

/**
 * What the lab needs from the kernel in its network namespace ({@code CAP_NET_RAW} to capture and to
 * forge a middlebox's RSTs, {@code CAP_NET_ADMIN} to sever), found out by trying, and what it tells the user when the kernel
 * refuses: the capability, and what to do.
 */
final class Privileges {
    /** Enough for a trial: the packet socket is closed at once. */
    private static final int TRIAL_BUFFER = 4096;

    private Privileges() {
    }

    /** True unless the kernel refuses this process a packet socket or a filter on a TCP socket. */
    static boolean mayCaptureAndSever() {
        try {
            PacketSocket.open("lo", TRIAL_BUFFER).close();
            TcpSocket.checkDropAllFilterAllowed();
            return true;
        } catch (LinuxException e) {
            return !e.isPermissionDenied(); // another failure is no privilege's doing, and the lab reports it
        }
    }

    /**
     * Why sever is refused here, or {@code null} when it is not: tries sever's filter on a scratch
     * socket, so the refusal is known before the user asks for it.
     */
    static String severProblem(Isolation isolation) {
        if (!isolation.linux()) {
            return severOffLinux(isolation);
        }
        try {
            TcpSocket.checkDropAllFilterAllowed();
            return null;
        } catch (LinuxException e) {
            return e.isPermissionDenied() ? severDenied(isolation) : "Sever unavailable: " + e.getMessage();
        }
    }

    /**
     * Why sever-idle is refused here, or {@code null} when it is not: its middlebox times a connection's
     * idleness by the captured segments, and cuts the connection with sever's filters.
     *
     * @param captureProblem why the capture does not run, or {@code null}
     * @param severProblem   why sever is refused ({@link #severProblem}), or {@code null}
     */
    static String severIdleProblem(Isolation isolation, String captureProblem, String severProblem) {
        if (!isolation.linux()) {
            return "Sever-idle needs Linux's capture and socket filters, and this is " + isolation.detail()
                    + ": run Keepalive Lab on Linux to put a middlebox between the ends.";
        }
        if (captureProblem != null) {
            return "Sever-idle's middlebox times each connection's idleness by its captured segments. " + captureProblem;
        }
        return severProblem == null ? null : "Sever-idle's middlebox cuts a connection as sever does. " + severProblem;
    }

    /**
     * Why sever-idle {@code reset} cannot forge its RSTs here, or {@code null}: tries a raw socket, which
     * is closed at once.
     */
    static String forgeProblem(Isolation isolation) {
        try {
            RawSocket.open().close();
            return null;
        } catch (LinuxException e) {
            return e.isPermissionDenied() ? forgeDenied(isolation) : "Sever-idle reset cannot forge RSTs: " + e.getMessage();
        }
    }

    static String forgeDenied(Isolation isolation) {
        return "Sever-idle reset forges each end's RST with a raw socket, which needs CAP_NET_RAW in the lab's "
                + "network namespace, which this process lacks" + remedy(isolation);
    }

    static String captureOffLinux(Isolation isolation) {
        return "Capture needs Linux's AF_PACKET sockets, and this is " + isolation.detail()
                + ": segments are not shown, only what the applications see.";
    }

    static String severOffLinux(Isolation isolation) {
        return "Sever needs a drop-all socket filter on TCP sockets (Linux's SO_ATTACH_FILTER), and this is "
                + isolation.detail() + ": run Keepalive Lab on Linux to sever.";
    }

    static String captureDenied(Isolation isolation) {
        return "Capture needs CAP_NET_RAW in the lab's network namespace, which this process lacks"
                + remedy(isolation) + " Segments are not shown meanwhile; keep-alive probes are inferred from TCP_INFO.";
    }

    static String severDenied(Isolation isolation) {
        return "Sever needs CAP_NET_ADMIN in the lab's network namespace (the kernel refuses SO_ATTACH_FILTER on a "
                + "TCP socket without it), which this process lacks" + remedy(isolation);
    }

    /**
     * Why the lab's TCP sysctls ({@code --sysctl}, the window's Lab kernel card) cannot be set where it
     * runs, or {@code null} where they can: they are a network namespace's, and only one of the lab's own
     * is the lab's to change.
     */
    static String sysctlProblem(Isolation isolation) {
        String what = "The lab's TCP settings (--sysctl) are those of a network namespace of its own";
        return switch (isolation.kind()) {
            case PRIVATE_NAMESPACE, NETWORK_NAMESPACE -> null;
            case HOST -> "The lab runs in the host's network namespace, whose TCP settings are the machine's: restart "
                    + "with --sysctl to give the lab a namespace of its own.";
            case DECLINED -> what + ", and --no-namespace keeps it in this process's: run Keepalive Lab without "
                    + "--no-namespace.";
            case REFUSED -> what + ", and none could be made (" + isolation.detail() + "): allow unprivileged user "
                    + "namespaces (see docs/privileges.md) or run Keepalive Lab as root.";
            case OTHER_SYSTEM -> what + " (Linux's net.ipv4 sysctls), and this is " + isolation.detail()
                    + ": run Keepalive Lab on Linux to set them.";
        };
    }

    private static String remedy(Isolation isolation) {
        return switch (isolation.kind()) {
            case DECLINED -> ": run Keepalive Lab without --no-namespace, and it makes a private network namespace "
                    + "of its own, where it has it.";
            case REFUSED -> ", and no usable private network namespace could be made (" + isolation.detail() + "): allow "
                    + "unprivileged user namespaces (see docs/privileges.md) or run Keepalive Lab as root.";
            case HOST -> ": run Keepalive Lab through its launcher, which makes a private network namespace where "
                    + "an ordinary user has it, or as root.";
            case PRIVATE_NAMESPACE, NETWORK_NAMESPACE -> " even in its private network namespace: this kernel does not grant it there; "
                    + "run Keepalive Lab as root.";
            case OTHER_SYSTEM -> throw new IllegalArgumentException("not Linux: " + isolation.detail());
        };
    }
}
