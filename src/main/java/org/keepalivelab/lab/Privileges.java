package org.keepalivelab.lab;

/** What the lab tells the user when the kernel refuses it a privilege: the capability, and what to do. */
public final class Privileges {
    public static final String CAPTURE_DENIED = "Capture needs CAP_NET_RAW in the lab's network namespace, "
            + "which this process lacks: run Keepalive Lab as root or in its own user and network namespace "
            + "(unshare --user --map-root-user --net); segments are not shown meanwhile.";

    public static final String SEVER_DENIED = "Sever needs CAP_NET_ADMIN in the lab's network namespace "
            + "(the kernel refused SO_ATTACH_FILTER): run Keepalive Lab as root or in its own user and network "
            + "namespace (unshare --user --map-root-user --net).";

    private Privileges() {
    }
}
