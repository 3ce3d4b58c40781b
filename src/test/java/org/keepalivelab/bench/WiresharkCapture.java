package org.keepalivelab.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A capture by Wireshark's tools (tshark, or dumpcap on its own) running beside the lab: started, waited
 * for until it captures, its output kept (dumpcap's statistics come on it at exit), stopped cleanly.
 */
final class WiresharkCapture implements AutoCloseable {
    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private Thread reader;

    private WiresharkCapture(Process process) {
        this.process = process;
    }

    /**
     * Runs {@code command} and returns once its output has a line starting with {@code ready}, plus
     * {@code settleMillis}: the tools say so a moment before the capture really runs.
     */
    static WiresharkCapture start(List<String> command, String ready, long settleMillis)
            throws IOException, InterruptedException {
        var capture = new WiresharkCapture(new ProcessBuilder(command).redirectErrorStream(true).start());
        var lines = new BufferedReader(new InputStreamReader(capture.process.getInputStream()));
        for (String line; (line = lines.readLine()) != null; ) {
            capture.output.add(line);
            if (line.startsWith(ready)) {
                capture.reader = Thread.ofPlatform().daemon().start(() -> capture.keep(lines));
                Thread.sleep(settleMillis);
                return capture;
            }
        }
        capture.process.destroyForcibly();
        throw new IOException(command.getFirst() + " did not start capturing (is it installed? apt-get install tshark): "
                + String.join(" / ", capture.output));
    }

    long pid() {
        return process.pid();
    }

    /** SIGTERM, as a user's Ctrl-C: the tool finishes its file and prints its statistics; then its output. */
    List<String> stop() throws InterruptedException, IOException {
        // Through the handle: Process.destroy() also closes our end of the output, losing the statistics.
        process.toHandle().destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(process.info().command().orElse("the capture") + " did not stop within 10 s of SIGTERM");
        }
        reader.join(5_000); // the output ends with the process: its last lines are the statistics
        return List.copyOf(output);
    }

    private void keep(BufferedReader lines) {
        try {
            for (String line; (line = lines.readLine()) != null; ) {
                output.add(line);
            }
        } catch (IOException e) {
            // the tool ended
        }
    }

    /** Kills the tool if it is still running (a benchmark that failed half way). */
    @Override
    public void close() {
        process.destroyForcibly();
    }
}
