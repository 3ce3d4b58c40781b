package org.keepalivelab.cli;

import java.io.PrintWriter;
import org.keepalivelab.lab.Scenario;
import org.keepalivelab.lab.Scenarios;

/** {@code --scenario list}: each scenario's name and question, then one line of what it shows. */
final class ScenarioList {
    private ScenarioList() {
    }

    static void print(PrintWriter out) {
        int width = Scenarios.ALL.stream().mapToInt(s -> s.name().length()).max().orElse(0);
        for (Scenario s : Scenarios.ALL) {
            out.printf("%-" + width + "s  %s%n", s.name(), s.question());
            out.printf("%-" + width + "s  %s%n", "", s.shows());
        }
        out.println();
        out.println("Run one: keepalive-lab --headless --scenario NAME (options given as well override its settings).");
        out.flush();
    }
}
