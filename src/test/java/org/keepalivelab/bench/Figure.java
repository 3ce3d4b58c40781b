package org.keepalivelab.bench;

import java.util.Locale;

/**
 * One benchmark result, printed on one line as {@code name value unit target}.
 *
 * @param target what the target asks for (docs/architecture.md, "Performance targets"), e.g. {@code <=2} or {@code =0}; {@code -} when the figure is context
 */
record Figure(String name, double value, String unit, String target) {

    @Override
    public String toString() {
        String number = value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.format(Locale.ROOT, "%d", (long) value)
                : String.format(Locale.ROOT, "%.3f", value);
        return name + " " + number + " " + unit + " " + target;
    }
}
