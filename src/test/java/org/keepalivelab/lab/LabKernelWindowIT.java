package org.keepalivelab.lab;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The window's Lab kernel card where the lab's namespace is its own: runs
 * {@code org.keepalivelab.ui.LabKernelWindowCheck} as nobody inside {@code unshare -Urn} (a user and network
 * namespace, as an ordinary user's lab has), where setting a sysctl changes nothing of the host's.
 */
class LabKernelWindowIT {
    @RegisterExtension
    static final UnprivilegedLab.Installation INSTALLED = UnprivilegedLab.Installation.ofTests();

    @Test
    void theCardRefusesOutOfRangeValuesAndSetsTheNamespacesSysctls() throws Exception {
        // lo up, as the lab's own relaunch does (PrivateNamespace.settle), for the window's lab to listen on
        LimitedModeWindowIT.assertPasses(INSTALLED.lab(), List.of("unshare", "-Urn", "sh", "-c",
                "ip link set lo up && exec \"$0\" \"$@\""), "org.keepalivelab.ui.LabKernelWindowCheck");
    }
}
