package org.keepalivelab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code import.*}: reading and classifying a generated capture of many keep-alive connections
 * ({@link KeepaliveCaptureWriter}, 10 million packets by default) against tshark's
 * {@code tshark -r FILE -Y tcp.analysis.keep_alive -T fields -e frame.number} on the same file; both must
 * find every keep-alive the file holds. The import runs in its own JVM with the heap capped at
 * {@value #HEAP_MB} MB (issue 13's bound); once without and once with events.jsonl written; then the
 * window's opening of the same file and the filling of every row's Detection ({@link DetectionFillRun}).
 */
final class ImportBench {
    static final int HEAP_MB = 512;
    private static final int CONNECTIONS = 10_000;

    private ImportBench() {
    }

    static List<Figure> run(long packets, Path work) throws IOException, InterruptedException {
        var file = work.resolve("keepalives.pcap");
        var log = work.resolve("import-events.jsonl");
        try {
            long before = System.nanoTime();
            var written = new KeepaliveCaptureWriter().write(file, CONNECTIONS, packets);
            double generateSeconds = (System.nanoTime() - before) / 1e9;

            var plain = importRun(file, null);
            var withLog = importRun(file, log);
            double tsharkStart = System.nanoTime();
            long tsharkKeepalives = tsharkKeepalives(file, work);
            double tsharkSeconds = (System.nanoTime() - tsharkStart) / 1e9;
            for (var counted : List.of(plain.keepalives(), withLog.keepalives(), tsharkKeepalives)) {
                if (counted != written.keepalives()) {
                    throw new AssertionError("the file holds " + written.keepalives() + " keep-alives, but the import found "
                            + plain.keepalives() + " and tshark " + tsharkKeepalives);
                }
            }
            var figures = new ArrayList<Figure>();
            figures.add(new Figure("import.packets", written.packets(), "packets", "-"));
            figures.add(new Figure("import.generate_s", generateSeconds, "s", "-"));
            figures.add(new Figure("import.seconds", plain.seconds(), "s", "-"));
            figures.add(new Figure("import.tshark_seconds", tsharkSeconds, "s", "-"));
            figures.add(new Figure("import.speedup_vs_tshark", tsharkSeconds / plain.seconds(), "x", ">=10"));
            figures.add(new Figure("import.packets_per_s", written.packets() / plain.seconds(), "packets/s", "-"));
            figures.add(new Figure("import.heap_peak_mb", plain.heapPeakBytes() / 1e6, "MB", "<=" + HEAP_MB));
            figures.add(new Figure("import.with_log_seconds", withLog.seconds() + withLog.logSeconds(), "s", "-"));
            figures.add(new Figure("import.log_mb", Files.size(log) / 1e6, "MB", "-"));
            figures.addAll(ForkedJvm.run(DetectionFillRun.class, HEAP_MB, List.of(file.toString())));
            return figures;
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(log);
        }
    }

    private record Measured(double seconds, long keepalives, long events, double logSeconds, long heapPeakBytes) {
    }

    /** {@link ImportRun} in a JVM of its own with a {@value #HEAP_MB} MB heap. */
    private static Measured importRun(Path file, Path log) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(java, "-Xmx" + HEAP_MB + "m", "-cp", System.getProperty("java.class.path"),
                ImportRun.class.getName(), file.toString()));
        if (log != null) {
            command.add(log.toString());
        }
        var process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes()).strip();
        if (process.waitFor() != 0) {
            throw new AssertionError("the import under -Xmx" + HEAP_MB + "m failed (exit " + process.exitValue()
                    + "): " + output);
        }
        String[] f = output.split(" ");
        return new Measured(Double.parseDouble(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), Double.parseDouble(f[3]),
                Long.parseLong(f[4]));
    }

    private static long tsharkKeepalives(Path file, Path work) throws IOException, InterruptedException {
        var output = work.resolve("tshark-keepalives.txt");
        try {
            var process = new ProcessBuilder("tshark", "-r", file.toString(), "-Y", "tcp.analysis.keep_alive", "-T",
                    "fields", "-e", "frame.number").redirectOutput(output.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (process.waitFor() != 0) {
                throw new AssertionError("tshark failed on " + file + " (exit " + process.exitValue() + ")");
            }
            try (var lines = Files.lines(output)) {
                return lines.count();
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
