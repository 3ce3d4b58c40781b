package org.keepalivelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalivelab.imports.CaptureWriter;
import org.keepalivelab.imports.TestPackets;
import org.keepalivelab.model.TcpFlags;

/** {@code --headless --import}: the event log it writes, its exit status, one sentence for a bad or cut file. */
class ImportCommandTest {
    @TempDir
    Path dir;

    private final CommandRun command = new CommandRun();

    /** A handshake, a keep-alive and its ACK from the server, as raw IP in a nanosecond pcap. */
    private static byte[] capture() {
        byte[] c = TestPackets.CLIENT_V4;
        byte[] s = TestPackets.SERVER_V4;
        return CaptureWriter.pcap(ByteOrder.LITTLE_ENDIAN, true, 101)
                .record(1000, 0, TestPackets.ipv4(c, 40000, s, 80, 1000, 0, TcpFlags.SYN, 512, 0, 1))
                .record(1000, 10, TestPackets.ipv4(s, 80, c, 40000, 5000, 1001, TcpFlags.SYN | TcpFlags.ACK, 512, 0, 1))
                .record(1000, 20, TestPackets.ipv4(c, 40000, s, 80, 1001, 5001, TcpFlags.ACK, 512, 0, 2))
                .record(1005, 0, TestPackets.ipv4(s, 80, c, 40000, 5000, 1001, TcpFlags.ACK, 512, 0, 2))
                .record(1005, 50, TestPackets.ipv4(c, 40000, s, 80, 1001, 5001, TcpFlags.ACK, 512, 0, 3))
                .bytes();
    }

    @Test
    void anImportWritesItsEventLogWithTheCapturesHeader() throws Exception {
        var file = Files.write(dir.resolve("in.pcap"), capture());
        var out = dir.resolve("out");
        assertEquals(0, command.run("--headless", "--import", file.toString(), "--out", out.toString()),
                command.stderr::toString);
        List<String> lines = Files.readAllLines(out.resolve("events.jsonl"));
        String header = lines.getFirst();
        for (String field : List.of("\"format\":2", "\"source\":\"capture\"", "\"file\":\"" + file + "\"",
                "\"packetsRead\":5", "\"packetsSkipped\":0", "\"packetsDuplicated\":0", "\"appKnown\":false",
                "\"client\":\"10.0.0.1:40000\"", "\"server\":\"10.0.0.2:80\"", "\"clientBy\":\"SYN\"")) {
            assertTrue(header.contains(field), field + " in " + header);
        }
        assertFalse(header.contains("truncatedAt"), header);
        var segments = lines.stream().filter(l -> l.contains("\"type\":\"segment\"")).toList();
        assertEquals(5, segments.size());
        assertTrue(segments.get(3).contains("\"t\":5000000000") && segments.get(3).contains("\"kind\":\"KEEPALIVE\"")
                && segments.get(3).contains("\"answered\":true,\"answeredBy\":\"KEEPALIVE_ACK\""), segments.get(3));
        assertTrue(segments.get(4).contains("\"kind\":\"KEEPALIVE_ACK\"") && !segments.get(4).contains("answered"),
                segments.get(4));
        var states = lines.stream().filter(l -> l.contains("\"type\":\"state\"")).toList();
        assertEquals(List.of("client SYN_SENT", "server SYN_RECV", "client ESTABLISHED", "server ESTABLISHED"),
                states.stream().map(l -> field(l, "side") + " " + field(l, "state")).toList());
        assertTrue(states.stream().allMatch(l -> l.contains("\"inferred\":true")), states.toString());
        assertTrue(segments.stream().noneMatch(l -> l.contains("inferred")), "a captured segment is not inferred");
        assertEquals(0, lines.stream().filter(l -> l.contains("\"type\":\"detection\"")).count(), "no fault, no detection");
        String story = lines.getLast();
        assertTrue(story.contains("\"type\":\"story\"") && story.contains("Nothing broke the connection")
                && story.contains("read from a capture"), story);
        assertTrue(command.stdout.toString().contains("Connection 1"), command.stdout::toString);
    }

    /** A string field's value in a JSON line: {@code "name":"value"}. */
    private static String field(String line, String name) {
        int at = line.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return line.substring(at, line.indexOf('"', at));
    }

    @Test
    void standardInputIsReadForADash() throws Exception {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream(capture()));
            assertEquals(0, command.run("--headless", "--import", "-", "--filter", ":80", "--out", dir.toString()),
                    command.stderr::toString);
        } finally {
            System.setIn(stdin);
        }
        String header = Files.readAllLines(dir.resolve("events.jsonl")).getFirst();
        assertTrue(header.contains("\"file\":\"-\"") && header.contains("\"filter\":\":80\""), header);
    }

    @Test
    void aCutFileWritesWhatWasReadSaysWhereAndExits5() throws Exception {
        byte[] whole = capture();
        var file = Files.write(dir.resolve("cut.pcap"), Arrays.copyOf(whole, whole.length - 7));
        assertEquals(ImportOptions.EXIT_TRUNCATED, command.run("--headless", "--import", file.toString(), "--out", dir.toString()));
        long lastRecord = 24 + 4 * (16 + 40);
        assertEquals(file + " ends inside packet 5 (which starts at byte " + lastRecord + "): the exports hold the 4 "
                + "packets before it.", command.stderr.toString().strip());
        List<String> lines = Files.readAllLines(dir.resolve("events.jsonl"));
        assertTrue(lines.getFirst().contains("\"truncatedAt\":{\"packet\":5,\"offset\":" + lastRecord + "}"), lines.getFirst());
        assertEquals(4, lines.stream().filter(l -> l.contains("\"type\":\"segment\"")).count());
    }

    @Test
    void aFileThatIsNoCaptureIsOneSentenceAndExits2() throws Exception {
        byte[] bad = capture();
        ByteBuffer.wrap(bad).order(ByteOrder.LITTLE_ENDIAN).putInt(24 + 16 + 40 + 8, 1 << 30);
        var file = Files.write(dir.resolve("bad.pcap"), bad);
        assertEquals(ImportOptions.EXIT_BAD_CAPTURE, command.run("--headless", "--import", file.toString(), "--out", dir.toString()));
        assertEquals(file + ": packet 2 at byte 80: captured length 1073741824 is more than 262144 bytes, the most any "
                + "capture holds (libpcap's MAXIMUM_SNAPLEN).", command.stderr.toString().strip());
        assertFalse(Files.exists(dir.resolve("events.jsonl")));
    }

    @Test
    void theOptionsSayWhereTheyBelong() {
        assertEquals(2, command.run("--headless", "--filter", ":80"));
        assertTrue(command.stderr.toString().contains("--filter belongs to --import FILE."), command.stderr::toString);
        assertEquals(2, command.run("--headless", "--import", "x.pcap", "--filter", "example.org:80"));
        assertTrue(command.stderr.toString().contains("is not HOST:PORT, :PORT or [V6ADDR]:PORT"), command.stderr::toString);
        assertEquals(2, command.run("--import", "x.pcap"));
        assertTrue(command.stderr.toString().contains("--import needs --headless"), command.stderr::toString);
        assertEquals(2, command.run("--headless", "--import", dir.resolve("none.pcap").toString(), "--out", dir.toString()));
        assertTrue(command.stderr.toString().contains("none.pcap: there is no such file."), command.stderr::toString);
    }
}
