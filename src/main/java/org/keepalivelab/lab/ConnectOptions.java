package org.keepalivelab.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a connect step gives the connections it opens besides their number: settings of their own,
 * applied over the lab's ({@code server-keepalive=12,3,3}), and a label, the short name their lane
 * titles and the connection list show ({@code label=every-12s}, or {@code label="every 12 s"} with a
 * space: the label's characters include no double quote, so the quotes cannot be ambiguous).
 *
 * @param label the label, or empty
 */
public record ConnectOptions(SettingsChange settings, String label) {
    public static final ConnectOptions NONE = new ConnectOptions(SettingsChange.NONE, "");
    /** The key of the label among a connect step's settings. */
    public static final String LABEL_KEY = "label";
    /** What a label may hold: what a lane title shows well, and nothing a script or a shell gives a meaning to. */
    public static final String LABEL_FORM = "1..40 letters, digits, spaces and - _ . , + / ( ) %, "
            + "in double quotes when it holds a space";
    private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}_.,+/()%-]([\\p{L}\\p{N} _.,+/()%-]{0,38}[\\p{L}\\p{N}_.,+/()%-])?");

    public ConnectOptions {
        if (!label.isEmpty()) {
            checkLabel(label);
        }
    }

    /** @throws IllegalArgumentException saying what a label may hold */
    public static String checkLabel(String label) {
        if (!LABEL.matcher(label).matches()) {
            throw new IllegalArgumentException("a label is " + LABEL_FORM + ", not '" + label + "'");
        }
        return label;
    }

    /**
     * Reads a connect step's {@code KEY=VALUE} words (quotes already taken off): the command line's
     * settings, and {@code label}.
     *
     * @throws IllegalArgumentException for a word that is no KEY=VALUE, an unknown key, a key given twice,
     *                                  or a value its setting refuses, in the setting's own words
     */
    public static ConnectOptions parse(List<String> words) {
        var values = new ArrayList<Setting.Value<?>>();
        String label = "";
        for (var word : words) {
            int eq = word.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("connect takes a client count and KEY=VALUE settings, not '"
                        + word + "'");
            }
            String key = word.substring(0, eq);
            String text = word.substring(eq + 1);
            if (key.equals(LABEL_KEY)) {
                if (!label.isEmpty()) {
                    throw new IllegalArgumentException("label is given twice");
                }
                label = checkLabel(text);
            } else if (Setting.named(key).isPresent()) {
                values.add(SettingsChange.value(key, text));
            } else {
                throw new IllegalArgumentException("connect's settings are " + Setting.keys() + " and " + LABEL_KEY
                        + ", not '" + key + "'");
            }
        }
        return new ConnectOptions(new SettingsChange(values), label);
    }

    public boolean isEmpty() {
        return settings.isEmpty() && label.isEmpty();
    }

    /** As a connect step writes them: {@code server-keepalive=12,3,3 label="every 12 s"}. */
    @Override
    public String toString() {
        String quoted = label.contains(" ") ? "\"" + label + "\"" : label;
        String labelWord = label.isEmpty() ? "" : LABEL_KEY + "=" + quoted;
        return settings.isEmpty() ? labelWord : labelWord.isEmpty() ? settings.toString() : settings + " " + labelWord;
    }
}
