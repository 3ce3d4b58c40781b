package org.keepalivelab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AppArmorRemedyTest {
    private static final String FIX = ": install Keepalive Lab's package, whose AppArmor profile lets the installed "
            + "keepalive-lab make one, or set kernel.apparmor_restrict_unprivileged_userns to 0";

    @Test
    void unsharesFailureNamedByPrivateNamespaceGetsTheFix() {
        String cause = "unshare: write failed /proc/self/uid_map: Operation not permitted; AppArmor restricts "
                + "unprivileged user namespaces (kernel.apparmor_restrict_unprivileged_userns = 1)";
        assertEquals(cause + FIX, AppArmorRemedy.explain(cause, true));
    }

    @Test
    void aNamespaceThatGrantsNothingIsBlamedOnTheRestrictionWhenItIsOn() {
        String cause = "unshare made one, but the kernel granted no CAP_NET_RAW and CAP_NET_ADMIN in it";
        assertEquals(cause + "; AppArmor restricts unprivileged user namespaces "
                + "(kernel.apparmor_restrict_unprivileged_userns = 1)" + FIX, AppArmorRemedy.explain(cause, true));
    }

    @Test
    void withoutTheRestrictionTheCauseStandsAlone() {
        assertEquals("unshare: unshare failed: Operation not permitted",
                AppArmorRemedy.explain("unshare: unshare failed: Operation not permitted", false));
    }

    @Test
    void theBannerSaysWhatStoppedTheLabAndWhatFixesIt() {
        var refused = Isolation.refused(AppArmorRemedy.explain("unshare: write failed /proc/self/uid_map: "
                + "Operation not permitted", true));
        assertEquals("Limited mode, no capture and no sever: application events and kernel state only, keep-alive probes "
                + "inferred from TCP_INFO (no usable private network namespace: unshare: write failed /proc/self/uid_map: "
                + "Operation not permitted; AppArmor restricts unprivileged user namespaces "
                + "(kernel.apparmor_restrict_unprivileged_userns = 1)" + FIX + ").",
                LabMode.of(refused, false, false).banner());
    }
}
