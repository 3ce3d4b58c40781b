package org.keepalivelab.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code --script} file: one step or setting a line, {@code #} to the end of a line a comment. A step
 * is written as {@code --at} takes it ({@code 0.2s:send 5}); a setting as {@code KEY VALUE} or
 * {@code KEY=VALUE}, its key the command-line option's name with or without the dashes
 * ({@code server-keepalive 5,5}, {@code --server-policy=read-close}), so a command line's options
 * paste in as they are. Each setting at most once.
 *
 * @param settings the settings lines, in their order
 * @param steps    the steps, in their order
 */
public record ScriptFile(SettingsChange settings, List<ScriptStep> steps) {

    public ScriptFile {
        steps = List.copyOf(steps);
    }

    /**
     * Reads {@code file}.
     *
     * @throws IOException              when it cannot be read
     * @throws IllegalArgumentException naming the file and line of the first bad one, and what is wrong
     */
    public static ScriptFile read(Path file) throws IOException {
        return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /** Reads the lines of a script called {@code name} (for the error messages). */
    static ScriptFile parse(String name, List<String> lines) {
        var settings = new ArrayList<Setting.Value<?>>();
        var steps = new ArrayList<ScriptStep>();
        for (int i = 0; i < lines.size(); i++) {
            String line = uncommented(lines.get(i));
            if (line.isEmpty()) {
                continue;
            }
            try {
                var setting = setting(line);
                if (setting == null) {
                    steps.add(step(line));
                } else {
                    settings.add(setting);
                    new SettingsChange(settings); // refuses one given twice, on the line that does
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ":" + (i + 1) + ": " + e.getMessage());
            }
        }
        return new ScriptFile(new SettingsChange(settings), steps);
    }

    private static String uncommented(String line) {
        int hash = line.indexOf('#');
        return (hash < 0 ? line : line.substring(0, hash)).strip();
    }

    /** The setting {@code line} gives, or {@code null} when its first word names no setting. */
    private static Setting.Value<?> setting(String line) {
        int end = 0;
        while (end < line.length() && !Character.isWhitespace(line.charAt(end)) && line.charAt(end) != '=') {
            end++;
        }
        String key = line.substring(0, end).replaceFirst("^--", "");
        if (Setting.named(key).isEmpty()) {
            return null;
        }
        String value = line.substring(end).replaceFirst("^\\s*=?\\s*", "");
        if (value.isEmpty()) {
            throw new IllegalArgumentException(key + " needs a value: " + key + " VALUE");
        }
        return SettingsChange.value(key, value);
    }

    private static ScriptStep step(String line) {
        if (!line.contains(":")) {
            throw new IllegalArgumentException("'" + line + "' is neither a step (" + ScriptStep.FORM
                    + ") nor a setting (KEY VALUE; keys are " + Setting.keys() + ")");
        }
        return ScriptStep.parse(line);
    }
}
