package org.keepalivelab.explain;

import java.util.List;
import java.util.Locale;
import org.keepalivelab.model.Side;

/** How a story words times, durations, counts and sides. */
final class Words {
    private static final double NANOS = 1e9;

    private Words() {
    }

    /** A lab time to the millisecond: {@code "7.076 s"}. */
    static String at(long t) {
        return String.format(Locale.ROOT, "%.3f s", t / NANOS);
    }

    /** A duration with the digits it needs: {@code "4 ms"}, {@code "6.07 s"}, {@code "61.2 s"}. */
    static String duration(long nanos) {
        if (nanos < 1_000_000_000L) {
            return Math.round(nanos / 1e6) + " ms";
        }
        return String.format(Locale.ROOT, nanos < 10_000_000_000L ? "%.2f s" : "%.1f s", nanos / NANOS);
    }

    /**
     * Lab times as a list, {@code "3.044 and 5.060 s"}; more than four as the first two, an ellipsis
     * and the last: {@code "1.204, 2.228 … 9.420 s"}.
     */
    static String times(List<Long> times) {
        var words = times.stream().map(t -> String.format(Locale.ROOT, "%.3f", t / NANOS)).toList();
        if (words.size() > 4) {
            return words.get(0) + ", " + words.get(1) + " … " + words.getLast() + " s";
        }
        if (words.size() == 1) {
            return words.getFirst() + " s";
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.getLast() + " s";
    }

    /** {@code "1 probe"}, {@code "3 probes"}. */
    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** {@code "the client"}. */
    static String the(Side side) {
        return "the " + side.label();
    }

    /** {@code text} with a capital first letter, to open a sentence. */
    static String cap(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
