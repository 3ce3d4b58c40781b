package org.keepalivelab.bench;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.keepalivelab.ui.export.PngToolkit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** Keepalive Lab's benchmarks: each performance target of docs/architecture.md on one line, {@code name value unit target}. */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Prints each performance target of docs/architecture.md as: name value unit target")
public final class Benchmarks implements Callable<Integer> {

    @Option(names = "--connections", description = "Connections for the capture load and the timeline (default ${DEFAULT-VALUE}).")
    int connections = 1000;

    @Option(names = "--seconds", description = "How long the flood lasts (default ${DEFAULT-VALUE}).")
    int seconds = 10;

    @Option(names = "--writes-per-second", description = "Flood rate, small writes (default ${DEFAULT-VALUE}).")
    int writesPerSecond = 26_000;

    @Option(names = "--events", description = "Timeline events for draw, png and explain (default ${DEFAULT-VALUE}).")
    int events = 1_000_000;

    @Option(names = "--import-packets", description = "Packets in the generated capture the import reads (default ${DEFAULT-VALUE}).")
    long importPackets = 10_000_000;

    @Option(names = "--memory-events", description = "Millions of events in the memory group's synthetic run (default ${DEFAULT-VALUE}).")
    double memoryEvents = 10;

    @Option(names = "--memory-seconds", description = "How long the memory group's lab runs, after its connections are up (default ${DEFAULT-VALUE}; an hour for the long run: 3600).")
    int memorySeconds = 60;

    @Option(names = "--only", split = ",", description = "Run only these groups: memory, capture, ceiling, latency, draw, png, explain, start, import.")
    List<String> only = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        var work = Files.createTempDirectory("keepalive-lab-bench");
        var load = new CaptureLoad(connections, Duration.ofSeconds(seconds), writesPerSecond);
        if (wanted("memory")) {
            print(MemoryBench.run(memoryEvents, memorySeconds, connections));
        }
        if (wanted("capture")) {
            print(load.againstTshark(false, work));
            print(load.againstTshark(true, work));
        }
        if (wanted("ceiling")) {
            print(new CaptureCeiling(load, work).run());
        }
        if (wanted("latency")) {
            print(load.latency());
        }
        if (wanted("draw") || wanted("png")) {
            var timeline = SyntheticTimeline.build(connections, events);
            if (wanted("draw")) {
                print(DrawBench.run(timeline));
            }
            if (wanted("png")) {
                print(PngBench.run(timeline, work));
            }
            PngToolkit.stop();
        }
        if (wanted("explain")) {
            print(ExplainBench.run(SyntheticTimeline.build(connections, events), connections));
        }
        if (wanted("start")) {
            print(StartBench.run(work));
        }
        if (wanted("import")) {
            print(ImportBench.run(importPackets, work));
        }
        return 0;
    }

    private boolean wanted(String group) {
        return only.isEmpty() || only.contains(group);
    }

    private static void print(List<Figure> figures) {
        figures.forEach(System.out::println);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Benchmarks()).execute(args));
    }
}
