package org.keepalivelab.explain;

import java.util.Optional;
import org.keepalivelab.model.Side;

/**
 * What one side that outlived a connection's fault learned of it, and when: one record for the
 * surviving side of a kill, abort, close or half-close; one per side for a sever or a middlebox.
 *
 * @param kernel empty while that side's kernel has not ended the connection
 * @param app      empty while that side's application has not learned: a read-once server that never
 *                 reads learns nothing even after its kernel closed the socket
 * @param nextRead for an application that never reads again (the read-once server), what its next read
 *                 returns and when the lab made that read to show it (lab.ServerEndpoint reads for it once
 *                 its kernel closed the socket); the application itself learns nothing from it
 * @param basis    measured from a run's events, or predicted by a model of the kernel's timers (whose
 *                 kernel finding then carries a range)
 * @param appKnown false for a connection read from a capture, which holds no application event: its
 *                 {@code app} is empty because nothing tells, not because the application learned nothing
 */
public record Detection(int conn, Side side, Fault fault, Optional<KernelFinding> kernel, Optional<AppFinding> app,
                        Optional<AppFinding> nextRead, Basis basis, boolean appKnown) {

    public Detection {
        if (!appKnown && (app.isPresent() || nextRead.isPresent())) {
            throw new IllegalArgumentException("a detection whose application is unknown has no application finding");
        }
    }

    /** A lab run's detection, whose application's events are known. */
    public Detection(int conn, Side side, Fault fault, Optional<KernelFinding> kernel, Optional<AppFinding> app,
                     Optional<AppFinding> nextRead, Basis basis) {
        this(conn, side, fault, kernel, app, nextRead, basis, true);
    }

    /** A detection without a read made for the application: every side but a read-once server's. */
    public Detection(int conn, Side side, Fault fault, Optional<KernelFinding> kernel, Optional<AppFinding> app,
                     Basis basis) {
        this(conn, side, fault, kernel, app, Optional.empty(), basis);
    }

    /**
     * In a few words, as the timeline's bracket and the headless run say it: {@code "server learned
     * after 6.07 s: EOF"}, {@code "server's kernel knew after 66.1 s (RST received); its application never
     * learned"}, {@code "server's application has not learned (its next read: EOF); its kernel knew after
     * 20.4 s: it received a RST"}, {@code "client learned nothing"}; from a capture, as
     * {@link #summaryFromCapture()}.
     */
    public String summary() {
        if (!appKnown) {
            return summaryFromCapture();
        }
        String who = side.label();
        var kernelWords = kernel.map(k -> "kernel knew after " + Words.duration(k.t() - fault.t()) + ": "
                + k.evidence().words());
        if (app.isPresent()) {
            var a = app.get();
            return who + " learned after " + Words.duration(a.t() - fault.t()) + ": " + a.words()
                    + kernelWords.map(k -> "; its " + k).orElse("");
        }
        if (nextRead.isPresent()) {
            return who + "'s application has not learned (its next read: " + nextRead.get().words() + ")"
                    + kernelWords.map(k -> "; its " + k).orElse("");
        }
        return kernelWords.map(k -> who + "'s " + k + "; its application never learned")
                .orElse(who + " learned nothing");
    }

    /**
     * The summary of a connection read from a capture, where nothing of the applications is known: {@code "server's kernel knew after 4.08 s: it received a RST; what its application learned is
     * not in a capture"}.
     */
    private String summaryFromCapture() {
        String who = side.label();
        return kernel.map(k -> who + "'s kernel knew after " + Words.duration(k.t() - fault.t()) + ": "
                + k.evidence().words()).orElse("nothing shows that " + who + "'s kernel knew")
                + "; what its application learned is not in a capture";
    }
}
