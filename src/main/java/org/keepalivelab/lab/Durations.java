package org.keepalivelab.lab;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.regex.Pattern;

/** Durations as people write them on a command line: {@code 90s}, {@code 0.2s}, {@code 250ms}, {@code 2m}. */
public final class Durations {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)");

    private Durations() {
    }

    /** The forms {@link #parse} takes, for error messages. */
    public static final String FORMS = "a number and a unit, ms, s or m: e.g. 0.2s, 250ms, 90s or 2m";

    public static Duration parse(String text) {
        var m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: write " + FORMS);
        }
        var amount = new BigDecimal(m.group(1));
        var nanosPerUnit = switch (m.group(2)) {
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            default -> 60_000_000_000L;
        };
        try {
            return Duration.ofNanos(amount.multiply(BigDecimal.valueOf(nanosPerUnit))
                    .setScale(0, RoundingMode.HALF_UP).longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is longer than a lab can run (292 years)");
        }
    }

    /** Parses a duration that must be longer than zero: {@code what} names it in the refusal. */
    public static Duration parsePositive(String text, String what) {
        var duration = parse(text);
        if (duration.isZero()) {
            throw new IllegalArgumentException(what + " must be longer than 0 (" + FORMS + "), not '" + text + "'");
        }
        return duration;
    }

    /** Seconds with as many decimals as needed: {@code 0.2s}, {@code 90s}. */
    public static String format(Duration duration) {
        return BigDecimal.valueOf(duration.toNanos(), 9).stripTrailingZeros().toPlainString() + "s";
    }
}
