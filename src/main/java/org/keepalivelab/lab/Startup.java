package org.keepalivelab.lab;

import org.keepalivelab.linux.LinuxException;
import org.keepalivelab.linux.PrivateNamespace;

/**
 * Where the lab will run, decided before it starts (docs/privileges.md): here, when this process may capture
 * and sever in its network namespace or cannot get a namespace of its own, or off Linux; else again, in
 * a private user and network namespace.
 */
public sealed interface Startup {

    /** Run the lab in this process. */
    record Here(Isolation isolation) implements Startup {
    }

    /**
     * Run this program again in a private namespace ({@link PrivateNamespace#relaunch()}) and pass on
     * its exit status; or, should it exit with {@link PrivateNamespace#UNUSABLE_STATUS}, run the lab
     * here as {@link #unusableNamespace()}.
     */
    record InPrivateNamespace() implements Startup {
    }

    /**
     * In the relaunched program: the namespace grants the lab nothing (as where a security module lets
     * unshare make it but takes the capabilities in it away). Exit with
     * {@link PrivateNamespace#UNUSABLE_STATUS}, saying nothing: the parent takes over.
     */
    record NamespaceUnusable() implements Startup {
    }

    /** Where the relaunched program exited with {@link PrivateNamespace#UNUSABLE_STATUS}. */
    static Isolation unusableNamespace() {
        return refused("unshare made one, but the kernel granted no CAP_NET_RAW and CAP_NET_ADMIN in it");
    }

    /**
     * Decides; in the relaunched program, also settles it in its namespace ({@code lo} up) and checks
     * that the lab may capture and sever there.
     *
     * @param namespaceAllowed false for {@code --no-namespace}
     */
    static Startup decide(boolean namespaceAllowed) throws InterruptedException {
        if (!OperatingSystem.linux()) {
            return new Here(Isolation.otherSystem(OperatingSystem.name()));
        }
        if (PrivateNamespace.inside()) {
            try {
                PrivateNamespace.settle();
            } catch (LinuxException e) {
                if (e.isPermissionDenied()) {
                    return new NamespaceUnusable();
                }
                throw new LabException("Could not bring up the loopback interface in the lab's private network "
                        + "namespace: " + e.getMessage());
            }
            return Privileges.mayCaptureAndSever() ? new Here(Isolation.PRIVATE_NAMESPACE) : new NamespaceUnusable();
        }
        if (Privileges.mayCaptureAndSever()) {
            return new Here(Isolation.HOST);
        }
        if (!namespaceAllowed) {
            return new Here(Isolation.DECLINED);
        }
        var refusal = PrivateNamespace.unavailable();
        return refusal.<Startup>map(cause -> new Here(refused(cause))).orElseGet(InPrivateNamespace::new);
    }

    private static Isolation refused(String cause) {
        return Isolation.refused(AppArmorRemedy.explain(cause));
    }
}
