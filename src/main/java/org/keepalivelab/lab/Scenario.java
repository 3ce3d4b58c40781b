package org.keepalivelab.lab;

import java.time.Duration;
import java.util.List;

/**
 * One of the gallery's scenarios: a confusion people keep reporting, as a script anyone can read and
 * copy into a {@code --script} file (settings lines, then steps, in {@link ScriptFile}'s syntax; variants
 * compared side by side are connections of their own, each with a label), and when to stop.
 *
 * @param name     what {@code --scenario} takes: {@code seed-kill}
 * @param question the question in the user's words
 * @param shows    one line of what the run shows
 * @param script   the script's lines
 * @param sysctls  the lab's own TCP sysctls it needs ({@code --sysctl}, set in the lab's own namespace)
 * @param until    when to stop: {@code null} once every connection's server has seen its end, else a time
 * @param timeout  when to stop at the latest
 */
public record Scenario(String name, String question, String shows, List<String> script, List<LabSysctl> sysctls,
                       Duration until, Duration timeout) {

    /** @throws IllegalArgumentException when a line of the script is not one {@link ScriptFile} reads */
    public Scenario {
        script = List.copyOf(script);
        sysctls = List.copyOf(sysctls);
        file(name, script); // refuses a bad line now, not when the scenario is chosen
    }

    /** A scenario on the kernel's own sysctls. */
    public Scenario(String name, String question, String shows, List<String> script, Duration until, Duration timeout) {
        this(name, question, shows, script, List.of(), until, timeout);
    }

    /** The script read: its settings and its steps. */
    public ScriptFile file() {
        return file(name, script);
    }

    private static ScriptFile file(String name, List<String> script) {
        return ScriptFile.parse("scenario " + name, script);
    }

    /** The lab's settings for this scenario: the seed's with the script's settings over them. */
    public LabSettings settings() {
        return file().settings().applyTo(LabSettings.seed());
    }

    /** The script to play: its steps, its until and its timeout. */
    public Script playable() {
        return new Script(file().steps(), until, timeout);
    }

    /** {@code --until}'s words for it: {@code closed} or a time. */
    public String untilText() {
        return until == null ? "closed" : Durations.format(until);
    }
}
