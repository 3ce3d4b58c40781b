package org.keepalivelab.lab;

import java.util.Objects;

/**
 * Which network namespace the lab's sockets live in, and why: decided once, before the lab starts
 * (see {@link Startup}).
 *
 * @param detail for {@link Kind#REFUSED}, why no private namespace could be made; for
 *               {@link Kind#OTHER_SYSTEM}, the system's name; else {@code null}
 */
public record Isolation(Kind kind, String detail) {

    public enum Kind {
        /** The process's own network namespace: it holds what the lab needs there, or nobody asked. */
        HOST,
        /** A user and network namespace of the lab's own, made for an ordinary user. */
        PRIVATE_NAMESPACE,
        /**
         * A network namespace of the lab's own, made for root because the lab sets TCP sysctls
         * ({@code --sysctl}): they are that namespace's, and the host's stay as they were.
         */
        NETWORK_NAMESPACE,
        /** The process's own network namespace, without the privileges, because of {@code --no-namespace}. */
        DECLINED,
        /** The process's own network namespace, without the privileges: the system refused a private one. */
        REFUSED,
        /** Not Linux: the system's own network stack, with none of the Linux interfaces the lab watches it by. */
        OTHER_SYSTEM
    }

    public static final Isolation HOST = new Isolation(Kind.HOST, null);
    public static final Isolation PRIVATE_NAMESPACE = new Isolation(Kind.PRIVATE_NAMESPACE, null);
    public static final Isolation NETWORK_NAMESPACE = new Isolation(Kind.NETWORK_NAMESPACE, null);
    public static final Isolation DECLINED = new Isolation(Kind.DECLINED, null);

    public Isolation {
        Objects.requireNonNull(kind);
        boolean detailed = kind == Kind.REFUSED || kind == Kind.OTHER_SYSTEM;
        if (detailed != (detail != null)) {
            throw new IllegalArgumentException("A detail goes with REFUSED and OTHER_SYSTEM, and only with them: "
                    + kind + ", " + detail);
        }
    }

    public static Isolation refused(String cause) {
        return new Isolation(Kind.REFUSED, cause);
    }

    /** A system other than Linux, by {@code name}: the lab has java.net's sockets there, and nothing more. */
    public static Isolation otherSystem(String name) {
        return new Isolation(Kind.OTHER_SYSTEM, name);
    }

    /** Whether the lab runs in a network namespace of its own, whose sysctls are the lab's to set. */
    public boolean ownNetwork() {
        return kind == Kind.PRIVATE_NAMESPACE || kind == Kind.NETWORK_NAMESPACE;
    }

    /** Whether the lab may use Linux's interfaces (FFM into libc, /proc) at all. */
    boolean linux() {
        return kind != Kind.OTHER_SYSTEM;
    }
}
