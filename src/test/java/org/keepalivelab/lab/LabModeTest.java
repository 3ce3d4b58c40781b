package org.keepalivelab.lab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.keepalivelab.ui.export.PngExport;

/** The banner and the availability the window shows (the unprivileged modes run in the *IT tests). */
class LabModeTest {

    @Test
    void privilegedLabCapturesAndSeversInTheHostNamespace() throws Exception {
        try (var lab = Lab.start(LabSettings.seed())) {
            assertAll(
                    () -> assertEquals(new LabMode(true, true, true, false, "Host network namespace (privileged): full capture and sever."),
                            lab.mode()),
                    () -> assertTrue(lab.severProblem().isEmpty()),
                    () -> assertNull(PngExport.modeNote(lab), "a picture of a full lab needs no note"),
                    () -> assertTrue(lab.captureProblem().isEmpty()));
        }
    }

    @Test
    void privateNamespaceIsNamed() {
        assertEquals("Private network namespace (unprivileged): full capture and sever.",
                LabMode.of(Isolation.PRIVATE_NAMESPACE, true, true).banner());
    }

    @Test
    void rootsNamespaceForItsSysctlsIsNamedAndCountsAsPrivate() {
        var mode = LabMode.of(Isolation.NETWORK_NAMESPACE, true, true);
        assertEquals("Private network namespace (privileged, for --sysctl): full capture and sever.", mode.banner());
        assertTrue(mode.privateNamespace());
    }

    @Test
    void captureWithoutSeverSaysWhichCapabilityIsMissing() {
        // A container's root often has CAP_NET_RAW but not CAP_NET_ADMIN, and no user namespaces.
        var mode = LabMode.of(Isolation.refused("unshare: unshare failed: Operation not permitted"), true, false);
        assertEquals("Limited mode, no sever: full capture (no usable private network namespace: unshare: unshare failed: "
                + "Operation not permitted).", mode.banner());
    }
}
