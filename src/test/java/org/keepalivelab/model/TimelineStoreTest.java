package org.keepalivelab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalivelab.model.store.StoreDirectory;
import org.keepalivelab.model.store.StoreLocation;
import org.keepalivelab.model.store.StoreTestJvm;

/**
 * The timeline and the segment rows as the store keeps them: across chunks, files and blocks, with a
 * reader reading while a writer appends, every action and any number of texts exactly, and off the heap.
 */
class TimelineStoreTest {
    @TempDir
    Path parent;
    private StoreDirectory directory;

    @AfterEach
    void close() {
        if (directory != null) {
            directory.close();
        }
    }

    private Timeline timeline() throws Exception {
        directory = StoreDirectory.open(parent);
        return new Timeline(directory);
    }

    @Test
    void everyActionComesBackExactly() throws Exception {
        var timeline = timeline();
        List<Action> actions = List.of(new Action.Connect(), new Action.Connect(OptionalInt.of(1000)),
                new Action.Send(5), new Action.Send(Integer.MAX_VALUE), new Action.Reply(7), new Action.Restore(),
                new Action.Close(), new Action.Close(Side.SERVER), new Action.Kill(Side.SERVER), new Action.Abort(),
                new Action.Abort(Side.SERVER), new Action.HalfClose(), new Action.SeverIdle(32_767, IdleMode.RESET),
                new Action.Forget(IdleMode.DROP), new Action.Forget(IdleMode.DROP, Set.of(Direction.C2S)),
                new Action.Forget(IdleMode.RESET, Set.of()), new Action.Sever(Set.of(Direction.S2C)),
                new Action.Sever(Set.of(Direction.C2S, Direction.S2C)));
        for (int i = 0; i < actions.size(); i++) {
            timeline.append(new ActionEvent(i, i + 1, actions.get(i)));
        }
        for (int i = 0; i < actions.size(); i++) {
            assertEquals(new ActionEvent(i, i + 1, actions.get(i)), timeline.get(i));
        }
    }

    @Test
    void anyNumberOfDistinctTextsComesBackExactly() throws Exception {
        var timeline = timeline();
        int texts = 5_000; // far more than the log remembers for reuse
        for (int i = 0; i < texts; i++) {
            timeline.append(new AppEvent(i, 1, Side.CLIENT, AppEventType.ERROR, 0, "error number " + i + " é"));
            timeline.append(new AppEvent(i, 2, Side.SERVER, AppEventType.ERROR, 0, "Connection timed out"));
        }
        for (int i = 0; i < texts; i++) {
            assertEquals("error number " + i + " é", ((AppEvent) timeline.get(2 * i)).message());
            assertEquals("Connection timed out", ((AppEvent) timeline.get(2 * i + 1)).message());
        }
        String long_ = "é".repeat(40_000); // 80,000 bytes: cut at a character's start
        timeline.append(new AppEvent(0, 1, Side.CLIENT, AppEventType.ERROR, 0, long_));
        String back = ((AppEvent) timeline.get(timeline.size() - 1)).message();
        assertTrue(back.length() > 30_000 && long_.startsWith(back), () -> "cut to " + back.length());
    }

    @Test
    void aReaderReadsWhileTheWriterCrossesChunksAndFiles() throws Exception {
        var timeline = timeline();
        int events = 700_000; // 171 chunks: files of 1, 2, 4, … 128 chunks, eight of them
        var writer = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < events; i++) {
                timeline.append(event(i));
            }
        });
        int seen = 0;
        while (seen < events) {
            int n = timeline.size();
            for (int i = seen; i < n; i++) {
                assertEquals(event(i), timeline.get(i));
            }
            seen = n;
        }
        writer.join();
        try (var files = Files.list(directory.path())) {
            assertEquals(8, files.filter(f -> f.getFileName().toString().startsWith("timeline-")).count());
        }
    }

    private static Event event(int i) {
        return switch (i % 7) {
            case 0 -> new AppEvent(i, i % 1000 + 1, Side.SERVER, AppEventType.WRITE, i, null);
            case 1 -> new StateEvent(i, i % 1000 + 1, Side.CLIENT, TcpState.ESTABLISHED, i % 128, true);
            case 2 -> new ActionEvent(i, i % 1000 + 1, new Action.Send(i));
            default -> new SegmentEvent(i, i % 1000 + 1, Direction.S2C, TcpFlags.ACK, i, 0xffff_ffffL - i, i % 1500,
                    i & 0xffff, SegmentKind.values()[i % SegmentKind.values().length], i % 3 == 0);
        };
    }

    @Test
    void segmentRowsKeepTimeOrderAcrossTheirBlocks() throws Exception {
        var timeline = timeline();
        int segments = 20_000; // blocks of 64, 128, … 2,048, then 4,096 records
        var expected = new ArrayList<Long>();
        for (int i = 0; i < segments; i++) {
            // every tenth arrives a little late: inserted one or two places back, across block boundaries too
            long t = i % 10 == 9 ? i * 10L - 15 : i * 10L;
            timeline.append(new SegmentEvent(t, 1, Direction.C2S, TcpFlags.ACK, i, 0, i, 512,
                    i % 2 == 0 ? SegmentKind.ACK : SegmentKind.DATA, i % 5 == 0));
            expected.add(t);
        }
        var rows = new SegmentRows(timeline);
        rows.update();
        var row = rows.sent(1, Side.CLIENT);
        expected.sort(null);
        assertEquals(segments, row.size());
        for (int i = 0; i < segments; i++) {
            assertEquals(expected.get(i), row.t(i));
            int event = row.eventIndex(i);
            assertEquals(timeline.t(event), row.t(i));
            assertEquals(timeline.segmentKind(event), row.kind(i));
            assertEquals(timeline.dropped(event), row.dropped(i));
            assertEquals(timeline.length(event), row.length(i));
        }
        assertEquals(row.firstAtOrAfter(10_000), expected.indexOf(10_000L));
    }

    @Test
    void millionsOfEventsLiveOffTheHeap() throws Exception {
        // 3 million events and their rows took 140 MB of heap when they lived there; here the heap is 48 MB.
        try (var child = StoreTestJvm.start(List.of("-Xmx48m"), Map.of(StoreLocation.ENVIRONMENT, parent.toString()),
                OffHeapChild.class, "3000000")) {
            String line = child.line();
            assertEquals(0, child.process.waitFor(), line);
            long heap = Long.parseLong(line.split(" ")[1]);
            assertTrue(heap < 24 << 20, line);
        }
    }

    /** Appends N events and takes them into segment rows, then prints {@code heap <bytes used after a GC>}. */
    public static final class OffHeapChild {
        public static void main(String[] args) throws Exception {
            int events = Integer.parseInt(args[0]);
            var timeline = new Timeline();
            var rows = new SegmentRows(timeline);
            for (int i = 0; i < events; i++) {
                timeline.appendSegment(i * 1000L, i % 1000 + 1, i % 2 == 0 ? Direction.C2S : Direction.S2C, TcpFlags.ACK,
                        i, i, 0, 512, i % 2 == 0 ? SegmentKind.KEEPALIVE : SegmentKind.KEEPALIVE_ACK, false, false);
                if (i % 100_000 == 0) {
                    rows.update();
                }
            }
            rows.update();
            if (timeline.size() != events || rows.sent(1, Side.CLIENT).size() != events / 1000) {
                throw new AssertionError("lost events");
            }
            System.gc();
            System.out.println("heap " + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
    }
}
