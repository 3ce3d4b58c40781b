package org.keepalivelab.ui;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.keepalivelab.lab.Isolation;
import org.keepalivelab.lab.Lab;
import org.keepalivelab.lab.LabKernel;
import org.keepalivelab.lab.LabSysctl;
import org.keepalivelab.lab.Scenario;
import org.keepalivelab.linux.KernelSettings;
import org.keepalivelab.linux.TcpSysctl;

/**
 * Starts a scenario's fresh lab, off the FX thread (binding sockets, starting the capture and writing
 * {@code /proc/sys} are I/O), on a thread of its own: the lab with the scenario's settings, and its
 * sysctls set in the lab's network namespace where that is the lab's own ({@link LabKernel}). The
 * namespace outlives each lab, so the values a scenario replaced are put back when the next one starts.
 * Where the lab runs in the host's namespace nothing is written: the scenario runs with the kernel's
 * values, and its note says so. One start at a time (the window waits for one before it takes another).
 */
final class ScenarioStart {
    static final String THREAD = "scenario-start";

    private final Isolation isolation;
    /** What each sysctl a scenario set was before the first did; guarded by this. */
    private final Map<TcpSysctl, Integer> replaced = new EnumMap<>(TcpSysctl.class);

    /** A scenario's lab, started, and a word on its sysctls (set, or why not and what it runs with instead). */
    record Started(Scenario scenario, Lab lab, Optional<String> kernelNote) {
    }

    ScenarioStart(Isolation isolation) {
        this.isolation = isolation;
    }

    /** Starts {@code scenario}'s lab; completes once it listens, its sysctls set, or fails saying why. */
    CompletableFuture<Started> start(Scenario scenario) {
        var started = new CompletableFuture<Started>();
        Thread.ofPlatform().name(THREAD).daemon().start(() -> {
            try {
                started.complete(startNow(scenario));
            } catch (IOException | RuntimeException e) {
                started.completeExceptionally(e);
            }
        });
        return started;
    }

    private Started startNow(Scenario scenario) throws IOException {
        var lab = Lab.start(scenario.settings(), isolation);
        try {
            return new Started(scenario, lab, setSysctls(scenario.sysctls(), lab.kernel()));
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    /** Puts back what an earlier scenario replaced and sets {@code wanted}; says what it did, or why it could not. */
    private synchronized Optional<String> setSysctls(List<LabSysctl> wanted, LabKernel kernel) {
        if (wanted.isEmpty() && replaced.isEmpty()) {
            return Optional.empty();
        }
        KernelSettings inForce = kernel.inForce().join();
        if (kernel.problem().isPresent()) {
            return wanted.isEmpty() ? Optional.empty() : Optional.of(kernelsInstead(wanted, inForce, kernel.problem().get()));
        }
        var changes = new ArrayList<LabSysctl>();
        replaced.forEach((sysctl, was) -> {
            if (wanted.stream().noneMatch(w -> w.sysctl() == sysctl)) {
                changes.add(new LabSysctl(sysctl, was));
            }
        });
        replaced.keySet().removeIf(sysctl -> wanted.stream().noneMatch(w -> w.sysctl() == sysctl));
        var before = new ArrayList<LabSysctl>();
        for (var w : wanted) {
            int was = replaced.computeIfAbsent(w.sysctl(), inForce::value);
            before.add(new LabSysctl(w.sysctl(), was));
        }
        changes.addAll(wanted);
        kernel.set(changes).join();
        return wanted.isEmpty() ? Optional.empty() : Optional.of("Set " + words(wanted)
                + " in the lab's own network namespace for this scenario; the next one puts back " + words(before) + ".");
    }

    /** "Runs with this kernel's net.ipv4.tcp_retries2=15, not the scenario's 5: " and why, in the lab's words. */
    static String kernelsInstead(List<LabSysctl> wanted, KernelSettings inForce, String problem) {
        return "Runs with this kernel's " + words(wanted.stream().map(w -> new LabSysctl(w.sysctl(),
                inForce.value(w.sysctl()))).toList()) + ", not the scenario's "
                + wanted.stream().map(w -> Integer.toString(w.value())).collect(Collectors.joining(", "))
                + ", which the lab cannot set here. " + problem;
    }

    private static String words(List<LabSysctl> sysctls) {
        return sysctls.stream().map(LabSysctl::toString).collect(Collectors.joining(", "));
    }
}
