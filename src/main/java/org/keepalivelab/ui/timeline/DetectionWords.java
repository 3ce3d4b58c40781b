package org.keepalivelab.ui.timeline;

import java.util.ArrayList;
import java.util.Locale;
import org.keepalivelab.explain.AppFinding;
import org.keepalivelab.explain.Basis;
import org.keepalivelab.explain.Detection;
import org.keepalivelab.explain.Fault;
import org.keepalivelab.explain.KernelFinding;

/**
 * How a detection reads: on its bracket ("server learned after 66.4 s: EOF"), and in full in the
 * details of the hovered bracket and of the selected connection. Times are counted from the fault, as
 * the question is "how long until it knew".
 */
public final class DetectionWords {
    /** What a capture says of the applications: nothing, as it holds none of their events. */
    private static final String NOT_IN_A_CAPTURE = "its application is not in a capture";
    private static final String APPLICATION_UNKNOWN = "not in a capture";

    private DetectionWords() {
    }

    /** The bracket's label. */
    public static String label(Detection d) {
        String side = d.side().label();
        long faultT = d.fault().t();
        if (!d.appKnown()) {
            return d.kernel().map(k -> side + "'s kernel knew after " + seconds(k.t() - faultT) + " (" + evidence(k)
                    + "); " + NOT_IN_A_CAPTURE).orElse("nothing shows " + side + " knew; " + NOT_IN_A_CAPTURE);
        }
        if (d.basis() == Basis.PREDICTED) {
            return d.kernel().map(k -> side + " will learn after " + range(k.earliest() - faultT, k.latest() - faultT)
                    + " (predicted)").orElse(side + ": nothing will tell it (predicted)");
        }
        if (d.app().isPresent()) {
            var app = d.app().get();
            return side + " learned after " + seconds(app.t() - faultT) + ": " + outcome(app);
        }
        var notes = new ArrayList<String>();
        d.nextRead().ifPresent(read -> notes.add("its next read: " + outcome(read)));
        d.kernel().ifPresent(k -> notes.add("its kernel knew after " + seconds(k.t() - faultT)));
        return side + "'s application has not learned" + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")");
    }

    /**
     * The bracket's label where its full one does not fit: "server learned after 6.06 s" (the outcome's
     * words are at its mark), "server's app has not learned" (its notes stay in the hover and the
     * story); a prediction's words whole, as its range is the point.
     */
    static String shortLabel(Detection d) {
        String side = d.side().label();
        if (d.basis() == Basis.PREDICTED) {
            return label(d);
        }
        if (!d.appKnown()) {
            return d.kernel().map(k -> side + "'s kernel knew after " + seconds(k.t() - d.fault().t()))
                    .orElse("nothing shows " + side + " knew");
        }
        return d.app().map(a -> side + " learned after " + seconds(a.t() - d.fault().t()))
                .orElse(side + "'s app has not learned");
    }

    /** The detection on one line, for the selected connection's details: the bracket's words and the kernel's. */
    public static String line(Detection d) {
        long faultT = d.fault().t();
        return d.side().label() + " (after " + fault(d.fault()) + "): kernel "
                + d.kernel().map(k -> evidence(k) + " after " + range(k.earliest() - faultT, k.latest() - faultT))
                        .orElse("has not ended it")
                + "; application " + (!d.appKnown() ? APPLICATION_UNKNOWN : d.app()
                        .map(a -> outcome(a) + " after " + seconds(a.t() - faultT))
                        .orElse("has not learned" + d.nextRead().map(read -> " (its next read: " + outcome(read) + ")")
                                .orElse("")))
                + (d.basis() == Basis.PREDICTED ? " (predicted)" : "");
    }

    /** Every finding of the detection, one a line, for the details. */
    public static String details(Detection d) {
        var text = new StringBuilder();
        text.append("Connection ").append(d.conn()).append(" · ").append(d.side().label()).append(" · after ")
                .append(fault(d.fault())).append(" at ").append(TimeAxis.format(d.fault().t(), TimeAxis.MILLISECOND));
        if (d.basis() == Basis.PREDICTED) {
            text.append(" · predicted from the kernel's timers");
        }
        text.append("\n  kernel: ").append(d.kernel().map(k -> kernel(k, d.fault().t())).orElse("has not ended it"));
        text.append("\n  application: ").append(!d.appKnown() ? APPLICATION_UNKNOWN : d.app().map(a -> outcome(a) + " at "
                + TimeAxis.format(a.t(), TimeAxis.MILLISECOND) + ", " + seconds(a.t() - d.fault().t()) + " after")
                .orElse("has not learned"));
        d.nextRead().ifPresent(read -> text.append("\n  its next read: ").append(outcome(read)).append(" (the lab's read at ")
                .append(TimeAxis.format(read.t(), TimeAxis.MILLISECOND)).append("; the application never reads again)"));
        return text.toString();
    }

    /** "the client's kill", "the sever", "the middlebox's forgetting". */
    static String fault(Fault fault) {
        String verb = fault.name();
        return fault.side().map(s -> "the " + s.label() + "'s " + verb).orElse("the " + verb);
    }

    private static String evidence(KernelFinding k) {
        return switch (k.evidence()) {
            case RST_SENT -> "sent RST";
            case RST_RECEIVED -> "received RST";
            case TIMED_OUT -> "gave up (ETIMEDOUT)";
            case CLOSED_SAMPLED -> "found CLOSED by the lab's sampling";
            case PROBES_STOPPED -> "stopped probing (inferred from the capture)";
        };
    }

    private static String kernel(KernelFinding k, long faultT) {
        String how = evidence(k) + (k.evidence() == KernelFinding.Evidence.CLOSED_SAMPLED
                ? ", within " + seconds(k.latest() - k.earliest()) : "");
        String when = k.latest() == k.earliest() || k.evidence() == KernelFinding.Evidence.CLOSED_SAMPLED
                ? " at " + TimeAxis.format(k.earliest(), TimeAxis.MILLISECOND) + ", " + seconds(k.earliest() - faultT) + " after"
                : " between " + range(k.earliest() - faultT, k.latest() - faultT) + " after";
        return how + when;
    }

    /** What the application saw: "EOF", the exception's own text, "its own close". */
    static String outcome(AppFinding app) {
        return switch (app.event()) {
            case EOF -> "EOF";
            case ERROR -> app.message() == null ? "an error" : app.message();
            case CLOSED -> "its own close";
            default -> app.event().name();
        };
    }

    /** A span of time for people: "850 ms", "4.12 s", "66.4 s". */
    public static String seconds(long nanos) {
        double s = nanos / 1e9;
        if (Math.abs(s) < 1) {
            return String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, Math.abs(s) < 10 ? "%.2f s" : "%.1f s", s);
    }

    /** "60–64 s": a range, in the larger end's unit. */
    static String range(long from, long to) {
        if (to - from < 1_000_000) {
            return seconds(from);
        }
        String hi = seconds(to);
        String unit = hi.substring(hi.indexOf(' '));
        String lo = seconds(from);
        return (lo.endsWith(unit) ? lo.substring(0, lo.length() - unit.length()) : lo) + "–" + hi;
    }
}
