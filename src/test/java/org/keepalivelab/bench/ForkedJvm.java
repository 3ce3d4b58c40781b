package org.keepalivelab.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs a benchmark's {@code main} in a JVM of its own, with this JVM's options but a heap of its own
 * maximum, and reads back the figures it prints: a memory figure is then of that run alone, not of
 * the groups that ran before it in this process, and the maximum proves the bound.
 */
final class ForkedJvm {
    private ForkedJvm() {
    }

    /** Runs {@code main} with {@code -Xmx<maxHeapMb>m}; returns the {@link Figure} lines it printed. */
    static List<Figure> run(Class<?> main, int maxHeapMb, List<String> args) throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!option.startsWith("-Xmx") && !option.startsWith("-XX:MaxHeapSize")) {
                command.add(option);
            }
        }
        command.add("-Xmx" + maxHeapMb + "m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(args);
        var process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        var figures = new ArrayList<Figure>();
        try (var out = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            for (String line; (line = out.readLine()) != null; ) {
                figures.add(parse(line));
            }
        }
        if (process.waitFor() != 0) {
            throw new IOException(main.getSimpleName() + " failed with exit status " + process.exitValue());
        }
        return figures;
    }

    private static Figure parse(String line) throws IOException {
        String[] parts = line.split(" ");
        if (parts.length != 4) {
            throw new IOException("not a figure: " + line);
        }
        return new Figure(parts[0], Double.parseDouble(parts[1].toLowerCase(Locale.ROOT)), parts[2], parts[3]);
    }
}
