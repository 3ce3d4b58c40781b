package org.keepalivelab.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What the pcapng export must keep of a capture, read by our reader: the interfaces as the file describes
 * them, in the order told, and per packet its interface and its stamp in that interface's units.
 */
record CaptureContents(List<CaptureInterface> interfaces, List<Stamped> packets) {

    /** One packet: its interface and its stamp. */
    record Stamped(int interfaceId, long stamp) {
    }

    static CaptureContents of(byte[] file) throws Exception {
        var interfaces = new ArrayList<CaptureInterface>();
        var packets = new ArrayList<Stamped>();
        var reader = PacketReader.open(CaptureStream.of(new ByteArrayInputStream(file)), interfaces::add);
        var packet = new Packet();
        while (reader.next(packet)) {
            assertEquals(interfaces.get(packet.interfaceId()).linkType(), packet.linkType(), "packet " + packet.number());
            packets.add(new Stamped(packet.interfaceId(), packet.stamp()));
        }
        return new CaptureContents(interfaces, packets);
    }
}
