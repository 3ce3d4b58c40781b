package org.keepalivelab.lab;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.keepalivelab.linux.KernelSettings;

/**
 * The kernel's TCP settings where the lab runs: the values in force, read from its namespace's
 * {@code /proc/sys}, and, where the lab has a network namespace of its own, its sysctls to set
 * ({@link LabSysctl}). They are the namespace's, so they apply to every socket of the lab that has not set
 * its own value, the connections already open too, the next time their kernel consults them. The host's
 * are never written: where the lab runs in the host's namespace, {@link #problem()} says why not.
 *
 * <p>Reading and writing {@code /proc/sys} is I/O: both run on the lab's loop, never the caller's thread.
 */
public final class LabKernel {
    private final String problem;
    private final EventLoop loop;

    LabKernel(Isolation isolation, EventLoop loop) {
        this.problem = Privileges.sysctlProblem(isolation);
        this.loop = loop;
    }

    /**
     * Refuses sysctls where the lab has no network namespace of its own, before anything starts.
     *
     * @throws IllegalArgumentException saying why, and what to do
     */
    public static void checkOffered(List<LabSysctl> sysctls, Isolation isolation) {
        String refusal = Privileges.sysctlProblem(isolation);
        if (!sysctls.isEmpty() && refusal != null) {
            throw new IllegalArgumentException("--sysctl refused: " + refusal);
        }
    }

    /** Sets {@code sysctls}, in order: only ever in the lab's own namespace ({@link Startup}, {@link #set}). */
    static void applyAll(List<LabSysctl> sysctls) {
        sysctls.forEach(LabSysctl::apply);
    }

    /** Why the lab's TCP settings cannot be changed here; empty where they can. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** The values in force in the lab's namespace. */
    public CompletableFuture<KernelSettings> inForce() {
        return loop.submit(KernelSettings::read);
    }

    /**
     * Sets {@code sysctls} in the lab's namespace, in order, and completes with the values then in force;
     * fails with a {@link LabException} where the lab has no namespace of its own, or the kernel refuses one
     * (those before it are set).
     */
    public CompletableFuture<KernelSettings> set(List<LabSysctl> sysctls) {
        if (problem != null) {
            return CompletableFuture.failedFuture(new LabException(problem));
        }
        var copy = List.copyOf(sysctls);
        return loop.submit(() -> {
            applyAll(copy);
            return KernelSettings.read();
        });
    }
}
