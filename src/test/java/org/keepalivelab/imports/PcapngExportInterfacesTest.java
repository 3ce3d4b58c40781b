package org.keepalivelab.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalivelab.capture.Tshark;
import org.keepalivelab.export.PcapngFile;
import org.keepalivelab.model.Timeline;

/**
 * An import of a file of two sections and three interfaces (µs, ns with an offset, 2^-10 s; one named
 * and described, one nameless; a Simple Packet Block) written again as pcapng: one section in which each
 * interface is described as the file described it, numbered in file order, each packet on its own at
 * its own stamp, as our reader and tshark read it.
 */
class PcapngExportInterfacesTest {
    @TempDir
    Path dir;

    @Test
    void everyInterfaceIsWrittenAsDescribedAndEveryPacketStaysOnItsOwn() throws Exception {
        for (var order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
            byte[] file = CaptureReadersTest.twoSections(order);
            var original = Files.write(dir.resolve("two-sections-" + order + ".pcapng"), file);
            var timeline = new Timeline();
            var events = new PacketEvents();
            var result = CaptureImport.read(original.toString(), CaptureStream.open(original.toString()), timeline,
                    null, events);
            var again = dir.resolve("again-" + order + ".pcapng");
            PcapngFile.writeImport(original.toString(), result, timeline, events, again);
            assertEquals(CaptureContents.of(file), CaptureContents.of(Files.readAllBytes(again)), order.toString());
            // tshark 4.0 numbers the original's second section's interface 0 again (and names it lo); ours is 2,
            // nameless ("unknown"); the Simple Packet Block, timeless in tshark, has the time the import gave it.
            assertEquals(List.of(
                    "0\tlo\t\t1700000000.000000000\tSYN",
                    "1\ttun0\ta tunnel\t1700000000.000000500\tSYN-ACK",
                    "0\tlo\t\t1700000000.000000000\tACK",
                    "2\tunknown\t\t1700000001.500000000\tdata, 5 bytes",
                    "2\tunknown\t\t1700000002.000000000\tACK"),
                    Tshark.fields(again, dir, List.of(), List.of("frame.interface_id", "frame.interface_name",
                            "frame.interface_description", "frame.time_epoch", "frame.comment")), order.toString());
        }
    }
}
