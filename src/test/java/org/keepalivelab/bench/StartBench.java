package org.keepalivelab.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Launch to first frame: the packaged app, started by {@code ./keepalive-lab} (target/launch and
 * target/classes on the JDK recorded in target/launch/java-settings.txt) started under an Xvfb this
 * benchmark starts on {@value #DISPLAY} and stops afterwards. The app runs with
 * {@code -Dkeepalivelab.reportFirstFrame=true}, so it prints {@code first-frame <ns since JVM start>}
 * from the first frame that draws the seed connection, established. Timed here from just before the
 * process is spawned to that line (exec, JVM start, JavaFX, the lab, the window, the seed's connect);
 * the app's own figure is context. One launch to warm the file cache, then {@value #RUNS}.
 */
final class StartBench {
    static final String DISPLAY = ":98";
    private static final int RUNS = 5;
    private static final long TIMEOUT_SECONDS = 60;

    private StartBench() {
    }

    static List<Figure> run(Path work) throws Exception {
        var base = Path.of("").toAbsolutePath();
        if (!Files.isRegularFile(base.resolve("target/launch/java-settings.txt"))) {
            throw new IOException("No packaged app: run ./keepalive-lab once (or mvn -B -DskipTests package).");
        }
        // What a user runs, the launcher script itself; the report is switched on through the JVM's own
        // environment variable, so the command line is exactly the user's.
        var command = List.of(base.resolve("keepalive-lab").toString());
        var xvfb = startXvfb(work);
        try {
            long[] outside = new long[RUNS];
            long[] inside = new long[RUNS];
            for (int i = -1; i < RUNS; i++) {
                long[] one = launchOnce(command, work.resolve("start-" + (i + 1) + ".log"));
                if (i >= 0) {
                    outside[i] = one[0];
                    inside[i] = one[1];
                }
            }
            return List.of(
                    new Figure("start.first_frame.p50", DrawBench.percentile(outside, 50) / 1e6, "ms", "<=1500"),
                    new Figure("start.first_frame.max", DrawBench.percentile(outside, 100) / 1e6, "ms", "<=1500"),
                    new Figure("start.first_frame_since_jvm_start.p50", DrawBench.percentile(inside, 50) / 1e6, "ms", "-"));
        } finally {
            stop(xvfb);
        }
    }

    /** Nanoseconds from spawn to the app's line, and the app's own figure. */
    private static long[] launchOnce(List<String> command, Path log) throws Exception {
        var builder = new ProcessBuilder(command).redirectError(log.toFile());
        builder.environment().put("DISPLAY", DISPLAY);
        builder.environment().put("JAVA_TOOL_OPTIONS", "-Dkeepalivelab.reportFirstFrame=true");
        long start = System.nanoTime();
        var app = builder.start();
        try {
            var line = CompletableFuture.supplyAsync(() -> firstFrameLine(app));
            String found = line.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            long outside = System.nanoTime() - start;
            if (found == null) {
                throw new IOException("the app ended without reporting its first frame (see " + log + ")");
            }
            return new long[] {outside, Long.parseLong(found.substring("first-frame ".length()).strip())};
        } finally {
            stop(app);
        }
    }

    private static String firstFrameLine(Process app) {
        try {
            var out = new BufferedReader(new InputStreamReader(app.getInputStream()));
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("first-frame ")) {
                    Thread.ofPlatform().daemon().start(() -> drain(out));
                    return line;
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // the rest of the app's output is of no interest
            }
        } catch (IOException e) {
            // the app ended
        }
    }

    private static Process startXvfb(Path work) throws Exception {
        var socket = Path.of("/tmp/.X11-unix/X" + DISPLAY.substring(1));
        if (Files.exists(Path.of("/tmp/.X" + DISPLAY.substring(1) + "-lock"))) {
            throw new IOException("display " + DISPLAY + " is taken (/tmp/.X" + DISPLAY.substring(1) + "-lock): stop that X server first");
        }
        var xvfb = new ProcessBuilder("Xvfb", DISPLAY, "-screen", "0", "1920x1080x24", "-nolisten", "tcp")
                .redirectErrorStream(true).redirectOutput(work.resolve("xvfb.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(socket)) {
            if (!xvfb.isAlive() || System.nanoTime() > deadline) {
                xvfb.destroyForcibly();
                throw new IOException("Xvfb " + DISPLAY + " did not start (apt-get install xvfb; see " + work.resolve("xvfb.log") + ")");
            }
            Thread.sleep(20);
        }
        return xvfb;
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy(); // SIGTERM: the app closes its lab, Xvfb removes its lock
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
