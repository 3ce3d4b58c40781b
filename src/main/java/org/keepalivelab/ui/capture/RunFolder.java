package org.keepalivelab.ui.capture;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.keepalivelab.export.EventLog;
import org.keepalivelab.export.PcapFile;
import org.keepalivelab.lab.Lab;

/**
 * A lab run saved as a folder, as a headless run's {@code --out} holds it: {@value #CAPTURE} (the lab's
 * capture, classic pcap) and {@value #EVENTS} (its event log, format 2). A folder rather than an archive:
 * Wireshark, tshark and {@code jq} open its files as they are, and a headless run's folder opens in the
 * window the same way. Written whole or not at all: a new folder is filled under a hidden name beside it
 * and renamed into place in one step; into a folder that exists, each file replaces its old one in one
 * step ({@code export.AtomicFiles}).
 */
public final class RunFolder {
    public static final String CAPTURE = "capture.pcap";
    public static final String EVENTS = "events.jsonl";

    private RunFolder() {
    }

    /**
     * Saves {@code lab}'s run so far into {@code folder}. Off the FX thread: it writes files.
     *
     * @throws IOException when a file cannot be written, or the lab could not capture (a run without a
     *                     capture cannot be opened again)
     */
    public static Path save(Lab lab, Path folder) throws IOException {
        var packets = lab.packets().orElseThrow(() -> new IOException("this lab could not capture ("
                + lab.captureProblem().orElse("no capture") + "), so its run has no capture to save"));
        var target = folder.toAbsolutePath();
        var staging = target.resolveSibling("." + target.getFileName() + ".part-"
                + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36));
        Files.createDirectories(staging);
        try {
            PcapFile.write(packets, staging.resolve(CAPTURE));
            EventLog.write(lab, staging.resolve(EVENTS));
            if (!Files.isDirectory(target)) {
                try {
                    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                    return target;
                } catch (FileAlreadyExistsException raced) {
                    // made meanwhile: fill it file by file below
                }
            }
            for (var name : new String[] {CAPTURE, EVENTS}) {
                Files.move(staging.resolve(name), target.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } finally {
            for (var name : new String[] {CAPTURE, EVENTS}) {
                Files.deleteIfExists(staging.resolve(name));
            }
            Files.deleteIfExists(staging);
        }
    }

    /**
     * The saved run {@code chosen} is or belongs to: a folder holding {@value #EVENTS}, or its
     * {@value #CAPTURE}. The window reads the run from its event log, which holds what the capture
     * cannot (the applications' events, the kernel's states, the actions, the settings).
     */
    static Optional<Path> runOf(Path chosen) {
        if (Files.isDirectory(chosen) && Files.isRegularFile(chosen.resolve(EVENTS))) {
            return Optional.of(chosen);
        }
        var parent = chosen.toAbsolutePath().getParent();
        if (chosen.getFileName() != null && chosen.getFileName().toString().equals(CAPTURE) && parent != null
                && Files.isRegularFile(parent.resolve(EVENTS))) {
            return Optional.of(parent);
        }
        return Optional.empty();
    }
}
