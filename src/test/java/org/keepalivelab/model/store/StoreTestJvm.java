package org.keepalivelab.model.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A JVM of its own running a test's {@code main}: a process that can die, or live with a small heap. */
public final class StoreTestJvm implements AutoCloseable {

    public final Process process;
    final BufferedReader out;

    private StoreTestJvm(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream()));
    }

    public static StoreTestJvm start(List<String> jvmOptions, Map<String, String> env, Class<?> main, String... args) throws IOException {
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(env);
        return new StoreTestJvm(builder.start());
    }

    /** The child's next line of output; fails if it ended first. */
    public String line() throws IOException {
        String line = out.readLine();
        if (line == null) {
            throw new IOException("the child JVM ended early");
        }
        return line;
    }

    /** Sends {@code signal} (TERM, INT, KILL) and waits for the child to end; returns its exit status. */
    int signal(String signal) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
        return process.waitFor();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
