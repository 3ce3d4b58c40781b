package org.keepalivelab.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.keepalivelab.capture.PacketLog;
import org.keepalivelab.lab.Run;

/** Writes the captured packets as a classic pcap file that Wireshark and tshark open. */
public final class PcapFile {

    private PcapFile() {
    }

    public static void write(PacketLog packets, Path file) throws IOException {
        AtomicFiles.write(file, packets::writePcap);
    }

    /** A run's sink that writes the capture to {@code file}; it writes nothing for a lab that could not capture. */
    public static Run.Sink sink(Path file) {
        return lab -> {
            var packets = lab.packets();
            if (packets.isEmpty()) {
                return Optional.empty();
            }
            write(packets.get(), file);
            return Optional.of(new Run.Written(file, packets.get().packets() + " packets"));
        };
    }
}
