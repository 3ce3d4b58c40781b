package org.keepalivelab.lab;

/**
 * The values a setting accepts, named for error messages: "keepalive idle must be 1..32767 s".
 *
 * @param name what the user calls the setting
 * @param unit its unit as written after a number ("s", "ms"), or empty
 */
public record Range(String name, int min, int max, String unit) {

    public boolean contains(int value) {
        return value >= min && value <= max;
    }

    /** Returns {@code value}, or throws {@link IllegalArgumentException} saying what is allowed. */
    public int check(int value) {
        if (!contains(value)) {
            throw new IllegalArgumentException(name + " must be " + this + ", not " + value);
        }
        return value;
    }

    /** Parses a whole number in this range, or throws {@link IllegalArgumentException} saying what is allowed. */
    public int parse(String text) {
        try {
            return check(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, " + this + ", not '" + text + "'");
        }
    }

    /** The allowed values, e.g. {@code "1..32767 s"}. */
    @Override
    public String toString() {
        return min + ".." + max + (unit.isEmpty() ? "" : " " + unit);
    }
}
