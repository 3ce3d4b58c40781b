package org.keepalivelab.lab;

import java.util.List;
import org.keepalivelab.linux.LinuxException;
import org.keepalivelab.linux.PrivateNamespace;

/**
 * Where the lab will run, decided before it starts (docs/privileges.md): here, when this process may capture
 * and sever in its network namespace and sets no sysctl, or cannot get a namespace of its own, or off Linux;
 * else again, in a namespace of its own: a user and network namespace for an ordinary user, a network
 * namespace alone for root whose lab sets sysctls ({@code --sysctl}), so that the host's are never written.
 */
public sealed interface Startup {

    /** Run the lab in this process. */
    record Here(Isolation isolation) implements Startup {
    }

    /**
     * Run this program again in a namespace of {@code kind} ({@link PrivateNamespace#relaunch}) and pass on
     * its exit status; or, should it exit with {@link PrivateNamespace#UNUSABLE_STATUS}, run the lab here as
     * {@link #unusableNamespace()}.
     */
    record InPrivateNamespace(PrivateNamespace.Kind kind) implements Startup {
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
     * Decides; in the relaunched program, also settles it in its namespace ({@code lo} up), checks that the
     * lab may capture and sever there, and sets {@code sysctls} there, before the lab starts. Where the
     * lab stays in this process's namespace, {@code sysctls} are left for {@link LabKernel#checkOffered}
     * to refuse: this never writes a sysctl outside a namespace of the lab's own.
     *
     * @param namespaceAllowed false for {@code --no-namespace}
     * @param sysctls          the lab's own TCP sysctls ({@code --sysctl}), possibly none
     */
    static Startup decide(boolean namespaceAllowed, List<LabSysctl> sysctls) throws InterruptedException {
        if (!OperatingSystem.linux()) {
            return new Here(Isolation.otherSystem(OperatingSystem.name()));
        }
        if (PrivateNamespace.inside()) {
            return settleInside(sysctls);
        }
        boolean privileged = Privileges.mayCaptureAndSever();
        if (privileged && sysctls.isEmpty()) {
            return new Here(Isolation.HOST);
        }
        if (!namespaceAllowed) {
            return new Here(Isolation.DECLINED); // privileged here only with sysctls, which that refuses
        }
        var kind = privileged ? PrivateNamespace.Kind.NETWORK : PrivateNamespace.Kind.USER_AND_NETWORK;
        var refusal = PrivateNamespace.unavailable(kind);
        return refusal.<Startup>map(cause -> new Here(refused(cause)))
                .orElseGet(() -> new InPrivateNamespace(kind));
    }

    private static Startup settleInside(List<LabSysctl> sysctls) {
        try {
            PrivateNamespace.settle();
        } catch (LinuxException e) {
            if (e.isPermissionDenied()) {
                return new NamespaceUnusable();
            }
            throw new LabException("Could not bring up the loopback interface in the lab's private network "
                    + "namespace: " + e.getMessage());
        }
        if (!Privileges.mayCaptureAndSever()) {
            return new NamespaceUnusable();
        }
        LabKernel.applyAll(sysctls);
        return new Here(PrivateNamespace.insideKind() == PrivateNamespace.Kind.NETWORK
                ? Isolation.NETWORK_NAMESPACE : Isolation.PRIVATE_NAMESPACE);
    }

    private static Isolation refused(String cause) {
        return Isolation.refused(AppArmorRemedy.explain(cause));
    }
}
