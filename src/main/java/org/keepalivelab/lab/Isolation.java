package org.keepalivelab.lab;

import java.util.Objects;

/**
 * Which network namespace the lab's sockets live in, and why: decided once, before the lab starts
 * (see {@link Startup}).
 *
 * @param cause for {@link Kind#REFUSED}, why no private namespace could be made; else {@code null}
 */
public record Isolation(Kind kind, String cause) {

    public enum Kind {
        /** The process's own network namespace: it holds what the lab needs there, or nobody asked. */
        HOST,
        /** A user and network namespace of the lab's own, made for an ordinary user. */
        PRIVATE_NAMESPACE,
        /** The process's own network namespace, without the privileges, because of {@code --no-namespace}. */
        DECLINED,
        /** The process's own network namespace, without the privileges: the system refused a private one. */
        REFUSED
    }

    public static final Isolation HOST = new Isolation(Kind.HOST, null);
    public static final Isolation PRIVATE_NAMESPACE = new Isolation(Kind.PRIVATE_NAMESPACE, null);
    public static final Isolation DECLINED = new Isolation(Kind.DECLINED, null);

    public Isolation {
        Objects.requireNonNull(kind);
        if ((kind == Kind.REFUSED) != (cause != null)) {
            throw new IllegalArgumentException("A cause goes with REFUSED, and only with it: " + kind + ", " + cause);
        }
    }

    public static Isolation refused(String cause) {
        return new Isolation(Kind.REFUSED, cause);
    }
}
