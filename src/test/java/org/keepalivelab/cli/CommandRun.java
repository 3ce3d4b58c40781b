package org.keepalivelab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The command line run as a user runs it, in this JVM, with what it prints kept for the test to read. */
final class CommandRun {
    final StringWriter stdout = new StringWriter();
    final StringWriter stderr = new StringWriter();

    /** Runs the command with {@code args}; its exit status. */
    int run(String... args) {
        var commandLine = LabCommand.commandLine();
        commandLine.setOut(new PrintWriter(stdout, true));
        commandLine.setErr(new PrintWriter(stderr, true));
        return commandLine.execute(args);
    }
}
