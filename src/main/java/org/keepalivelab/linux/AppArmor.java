package org.keepalivelab.linux;

/**
 * AppArmor's restriction of unprivileged user namespaces ({@code kernel.apparmor_restrict_unprivileged_userns},
 * in the sysctl table of the kernel's security/apparmor/lsm.c; 1 by default from Ubuntu 23.10 on, 24.04
 * included): an unconfined program that no profile grants {@code userns} may make a user namespace,
 * but holds no capability in it.
 */
public final class AppArmor {
    /** The setting, as sysctl names it. */
    public static final String RESTRICT_SYSCTL = "kernel.apparmor_restrict_unprivileged_userns";

    private AppArmor() {
    }

    /** True while the restriction is on here; false where the kernel has no such setting. */
    public static boolean restrictsUserNamespaces() {
        return Sysctl.read(RESTRICT_SYSCTL.replace('.', '/')).equals("1");
    }
}
