package org.keepalivelab;

import org.keepalivelab.cli.LabCommand;

/** Keepalive Lab's entry point. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(LabCommand.commandLine().execute(args));
    }
}
