package org.keepalivelab.lab;

import org.keepalivelab.linux.LinuxException;
import org.keepalivelab.linux.PrivateNamespace;

/**
 * Where the lab will run, decided before it starts (DESIGN.md 5): here, when this process may capture
 * and sever in its network namespace or cannot get a namespace of its own; else again, in a private
 * user and network namespace.
 */
public sealed interface Startup {

    /** Run the lab in this process. */
    record Here(Isolation isolation) implements Startup {
    }

    /** Run this program again in a private namespace ({@link PrivateNamespace#relaunch()}), passing on its exit status. */
    record InPrivateNamespace() implements Startup {
    }

    /**
     * Decides; in the relaunched program, also settles it in its namespace ({@code lo} up).
     *
     * @param namespaceAllowed false for {@code --no-namespace}
     */
    static Startup decide(boolean namespaceAllowed) throws InterruptedException {
        if (PrivateNamespace.inside()) {
            try {
                PrivateNamespace.settle();
            } catch (LinuxException e) {
                throw new LabException("Could not bring up the loopback interface in the lab's private network "
                        + "namespace: " + e.getMessage());
            }
            return new Here(Isolation.PRIVATE_NAMESPACE);
        }
        if (Privileges.mayCaptureAndSever()) {
            return new Here(Isolation.HOST);
        }
        if (!namespaceAllowed) {
            return new Here(Isolation.DECLINED);
        }
        var refusal = PrivateNamespace.unavailable();
        return refusal.<Startup>map(cause -> new Here(Isolation.refused(cause))).orElseGet(InPrivateNamespace::new);
    }
}
