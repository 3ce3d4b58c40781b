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
 * <p>Reading and writing {@code /proc/sys} is I/O: both run on the lab's loop, never the caller's thread
 * (the first read excepted: the lab's start, off the FX thread, reads them once). Each read and each change
 * publishes the values then in force ({@link #latest()}): what the lab's explanations, the status line and the
 * settings' hints quote, on any thread, without reading {@code /proc} again.
 */
public final class LabKernel {
    private final String problem;
    private final EventLoop loop;
    /** The values as last read or set: written on the lab's loop (once on the starting thread), read anywhere. */
    private volatile KernelSettings latest;

    /** Reads the values in force: on the lab's starting thread, before the loop has anything else to do. */
    LabKernel(Isolation isolation, EventLoop loop) {
        this.problem = Privileges.sysctlProblem(isolation);
        this.loop = loop;
        this.latest = KernelSettings.read();
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

    /** The values in force in the lab's namespace, read now (and published). */
    public CompletableFuture<KernelSettings> inForce() {
        return loop.submit(this::readAndPublish);
    }

    /**
     * The values in force as the lab last read or set them: at its start, and by each {@link #inForce()} and
     * {@link #set} since (the Lab kernel card's, a scenario's). No I/O; any thread. A value changed by someone
     * else (the host's administrator, in the host's namespace) shows here at the lab's next read.
     */
    public KernelSettings latest() {
        return latest;
    }

    private KernelSettings readAndPublish() {
        var read = KernelSettings.read();
        latest = read;
        return read;
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
            try {
                applyAll(copy);
            } finally {
                readAndPublish(); // those set before a refusal are in force too
            }
            return latest;
        });
    }
}
