package org.keepalivelab.export;

import java.io.IOException;
import java.nio.file.Path;
import org.keepalivelab.capture.PacketLog;

/** Writes the captured packets as a classic pcap file that Wireshark and tshark open. */
public final class PcapFile {

    private PcapFile() {
    }

    public static void write(PacketLog packets, Path file) throws IOException {
        AtomicFiles.write(file, packets::writePcap);
    }
}
