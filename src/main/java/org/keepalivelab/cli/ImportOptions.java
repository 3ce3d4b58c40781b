package org.keepalivelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.keepalivelab.explain.CaptureExplanations;
import org.keepalivelab.export.ImportLog;
import org.keepalivelab.export.PcapngFile;
import org.keepalivelab.imports.BadCaptureException;
import org.keepalivelab.imports.CaptureImport;
import org.keepalivelab.imports.CaptureStream;
import org.keepalivelab.imports.EndpointFilter;
import org.keepalivelab.imports.ImportResult;
import org.keepalivelab.imports.PacketEvents;
import org.keepalivelab.model.Timeline;
import org.keepalivelab.ui.export.PngExport;
import org.keepalivelab.ui.export.PngToolkit;
import org.keepalivelab.ui.theme.Theme;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --import FILE [--filter ENDPOINT]}: read a capture file instead of running the lab, and write its
 * event log (and, with {@code --png}, its timeline) under {@code --out}. A mixin of {@link LabCommand},
 * which hands over when {@link #requested()}.
 */
public final class ImportOptions {
    /** The file is not a capture the lab can read: picocli's status for bad input, as a bad option has. */
    static final int EXIT_BAD_CAPTURE = 2;
    /** The file ended inside a packet: the exports hold what came before. */
    static final int EXIT_TRUNCATED = 5;

    @Option(names = "--import", paramLabel = "FILE",
            description = "With --headless: read a capture (pcap or pcapng, gzip-compressed or not; - reads standard "
                    + "input) instead of running the lab, and write events.jsonl to --out (and --png). Exit 2 when it "
                    + "is not a capture the lab reads, 5 when it ends early (the exports hold what was read).")
    String file;

    @Option(names = "--filter", paramLabel = "ENDPOINT", converter = FilterConverter.class,
            description = "With --import: only the connections with an end at ENDPOINT: " + EndpointFilter.FORMS + ".")
    EndpointFilter filter;

    /** How many of the timeline's events are segments: the rest are the states they imply. */
    private static int segments(Timeline timeline) {
        int n = 0;
        for (int i = 0; i < timeline.size(); i++) {
            n += timeline.isSegment(i) ? 1 : 0;
        }
        return n;
    }

    /** True when the command line asked for an import. */
    boolean requested() {
        return file != null || filter != null;
    }

    /** Parses --filter; its message names the allowed forms. */
    static final class FilterConverter implements ITypeConverter<EndpointFilter> {
        @Override
        public EndpointFilter convert(String value) {
            try {
                return EndpointFilter.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /**
     * Runs the import; the status is 0, {@link #EXIT_BAD_CAPTURE} or {@link #EXIT_TRUNCATED}.
     *
     * @param pcapng where to write the capture again as pcapng with a comment per segment, or null
     */
    int run(CommandSpec spec, boolean headless, Path out, Path png, Path pcapng, PngSize pngSize, Theme theme)
            throws IOException {
        if (file == null) {
            throw new ParameterException(spec.commandLine(), "--filter belongs to --import FILE.");
        }
        if (!headless) {
            throw new ParameterException(spec.commandLine(), "--import needs --headless: the window cannot open "
                    + "a capture yet.");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        String name = file.equals(CaptureStream.STANDARD_INPUT) ? "standard input" : file;
        if (pcapng != null && file.equals(CaptureStream.STANDARD_INPUT)) {
            throw new ParameterException(spec.commandLine(), "--pcapng with --import needs a file: standard input "
                    + "cannot be read a second time for its packets.");
        }
        var timeline = new Timeline();
        var packetEvents = new PacketEvents();
        ImportResult result;
        try (var in = CaptureStream.open(file)) {
            result = CaptureImport.read(file, in, timeline, filter,
                    pcapng == null ? CaptureImport.Listener.NONE : packetEvents);
        } catch (BadCaptureException e) {
            stderr.println(name + ": " + e.getMessage() + ".");
            return EXIT_BAD_CAPTURE;
        } catch (NoSuchFileException e) {
            stderr.println(name + ": there is no such file.");
            return EXIT_BAD_CAPTURE;
        } catch (IOException e) {
            stderr.println(name + " cannot be read: " + e.getMessage() + ".");
            return EXIT_BAD_CAPTURE;
        }
        stdout.printf("Read %s: %d packets, %d connections, %d segments; %d packets skipped (not TCP), "
                        + "%d duplicates dropped%s%n", name, result.packetsRead(), result.connections().size(),
                segments(timeline), result.packetsSkipped(), result.packetsDuplicated(),
                filter == null ? "" : ", " + result.packetsFiltered() + " left out by --filter " + filter);
        Files.createDirectories(out);
        var explanations = CaptureExplanations.of(timeline, result.connections().size());
        var log = out.resolve("events.jsonl");
        ImportLog.write(result, timeline, explanations, log);
        stdout.printf("Wrote %s (%d events)%n", log, timeline.size());
        if (pcapng != null) {
            PcapngFile.writeImport(file, result, timeline, packetEvents, pcapng);
            stdout.printf("Wrote %s%n", pcapng);
        }
        if (png != null) {
            PngToolkit.startHeadless();
            PngExport.write(timeline, List.of(), explanations, "Imported from " + name + ": what the applications "
                    + "saw is unknown", PngExport.LAB_START, PngExport.LAB_END, pngSize.width(), pngSize.height(), theme, png);
            stdout.printf("Wrote %s%n", png);
        }
        StoryPrinter.printCapture(stdout, explanations);
        stdout.flush();
        if (result.truncatedAt().isPresent()) {
            var at = result.truncatedAt().get();
            stderr.println(name + " ends inside packet " + at.packet() + " (which starts at byte " + at.offset()
                    + "): the exports hold the " + (at.packet() - 1) + " packets before it.");
            return EXIT_TRUNCATED;
        }
        return 0;
    }
}
