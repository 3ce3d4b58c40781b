package org.keepalivelab.lab;

import org.keepalivelab.linux.AppArmor;

/**
 * What lifts AppArmor's restriction of unprivileged user namespaces for the lab, added to the reason
 * no private namespace could be made while the restriction is on: the banner then says what stopped
 * the lab and what fixes it. The package's AppArmor profile (packaging/apparmor/keepalive-lab) grants
 * {@code userns} to the installed launcher; a clone's {@code ./keepalive-lab} has no profile.
 */
final class AppArmorRemedy {
    /** The restriction, in the words PrivateNamespace uses when unshare itself fails. */
    static final String RESTRICTION = "AppArmor restricts unprivileged user namespaces (" + AppArmor.RESTRICT_SYSCTL + " = 1)";
    static final String FIX = "install Keepalive Lab's package, whose AppArmor profile lets the installed keepalive-lab "
            + "make one, or set " + AppArmor.RESTRICT_SYSCTL + " to 0";

    private AppArmorRemedy() {
    }

    /** {@code cause}, naming the restriction and its fix when the restriction is on here. */
    static String explain(String cause) {
        return explain(cause, AppArmor.restrictsUserNamespaces());
    }

    static String explain(String cause, boolean restricted) {
        if (!restricted) {
            return cause;
        }
        // unshare's failure comes named already (PrivateNamespace); a namespace that grants nothing does not
        return (cause.contains(RESTRICTION) ? cause : cause + "; " + RESTRICTION) + ": " + FIX;
    }
}
