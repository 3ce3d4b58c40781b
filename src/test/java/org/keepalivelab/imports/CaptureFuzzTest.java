package org.keepalivelab.imports;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.management.ThreadMXBean;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Random damage to valid captures — bit flips, truncations, length fields set to edge and random
 * values — read by the import: it ends (within {@link #CASE_SECONDS}), it either reads or refuses the file
 * with a {@link BadCaptureException}, never another exception, and it allocates no more than
 * {@link #MAX_ALLOCATED} per case whatever a length says. Each case's seed is printed on failure;
 * {@code -Dfuzz.seed=N} replays a run, {@code -Dfuzz.cases=N} runs more.
 */
class CaptureFuzzTest {
    private static final int CASES = Integer.getInteger("fuzz.cases", 3000);
    private static final long SEED = Long.getLong("fuzz.seed", 0x5eed_cafeL);
    private static final long CASE_SECONDS = 10;
    /** The stream's 1 MiB buffer, the packet's 256 KiB, gzip's window and a little per packet. */
    private static final long MAX_ALLOCATED = 8L << 20;
    private static final int[] EDGE_VALUES = {0, 1, 3, 4, 11, 12, 28, 0x7fff_ffff, 0x8000_0000, 0xffff_ffff, 0xffff_fffc};

    @Test
    void damagedCapturesAreReadOrRefusedNeverAnythingElse() throws Exception {
        var seeds = valid();
        var threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (var worker = Executors.newSingleThreadExecutor()) {
            for (int i = 0; i < CASES; i++) {
                long seed = SEED + i;
                var random = new Random(seed);
                byte[] base = seeds.get(random.nextInt(seeds.size()));
                var damage = new StringBuilder();
                byte[] file = damage(base, random, damage);
                String name = "case " + i + " (-Dfuzz.seed=" + SEED + ", case seed " + seed + "): " + damage;
                var task = worker.submit(() -> {
                    long before = threads.getCurrentThreadAllocatedBytes();
                    try {
                        Imported.of(file);
                    } catch (BadCaptureException refused) {
                        // a clear refusal is a right answer
                    }
                    return threads.getCurrentThreadAllocatedBytes() - before;
                });
                long allocated;
                try {
                    allocated = task.get(CASE_SECONDS, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    task.cancel(true);
                    throw new AssertionError(name + ": did not end in " + CASE_SECONDS + " s");
                } catch (ExecutionException e) {
                    throw new AssertionError(name + ": threw " + e.getCause(), e.getCause());
                }
                if (allocated > MAX_ALLOCATED) {
                    fail(name + ": allocated " + allocated + " bytes");
                }
            }
        }
        assertTrue(CASES > 0);
    }

    /** One of four kinds of damage, described in {@code what}. */
    private static byte[] damage(byte[] base, Random random, StringBuilder what) {
        byte[] file = base.clone();
        switch (random.nextInt(4)) {
            case 0 -> {
                int flips = 1 + random.nextInt(8);
                what.append(flips).append(" bit flips at");
                for (int f = 0; f < flips; f++) {
                    int at = random.nextInt(file.length);
                    file[at] ^= (byte) (1 << random.nextInt(8));
                    what.append(' ').append(at);
                }
            }
            case 1 -> {
                int length = random.nextInt(file.length);
                what.append("truncated to ").append(length);
                file = Arrays.copyOf(file, length);
            }
            case 2 -> {
                int at = random.nextInt(file.length / 4) * 4; // lengths are 4-aligned in both formats
                int value = random.nextBoolean() ? EDGE_VALUES[random.nextInt(EDGE_VALUES.length)] : random.nextInt();
                what.append(String.format("int at %d set to 0x%08x", at, value));
                ByteBuffer.wrap(file).order(random.nextBoolean() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
                        .putInt(at, value);
            }
            default -> {
                int at = random.nextInt(file.length);
                int length = 1 + random.nextInt(Math.min(64, file.length - at));
                what.append(length).append(" random bytes at ").append(at);
                byte[] noise = new byte[length];
                random.nextBytes(noise);
                System.arraycopy(noise, 0, file, at, length);
            }
        }
        return file;
    }

    /** Valid captures of every kind the readers take: the fuzz cases start from these. */
    private static List<byte[]> valid() throws IOException {
        var p = CaptureReadersTest.conversation();
        var files = new ArrayList<byte[]>();
        for (var order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
            files.add(CaptureReadersTest.classic(order, order == ByteOrder.BIG_ENDIAN, LinkLayer.ETHERNET,
                    p.stream().map(ip -> TestPackets.ethernet(ip, 0x8100)).toList()));
            files.add(CaptureReadersTest.classic(order, false, LinkLayer.LINUX_SLL2, p.stream().map(TestPackets::sll2).toList()));
            var ng = CaptureWriter.pcapng(order).interfaceBlock(LinkLayer.RAW, 0, 9, 10)
                    .interfaceBlock(LinkLayer.LINUX_SLL, 262144, 0x80 | 20, 0).unknown();
            for (int i = 0; i < p.size(); i++) {
                ng.enhanced(i % 2, 1_000_000_000L * i, i % 2 == 0 ? p.get(i) : TestPackets.sll(p.get(i)));
            }
            ng.simple(p.get(4)).section().interfaceBlock(LinkLayer.NULL, 0, -1, 0)
                    .enhanced(0, 5, TestPackets.loopback(p.get(0), 2, order));
            files.add(ng.bytes());
        }
        var zipped = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(zipped)) {
            gzip.write(files.get(2));
        }
        files.add(zipped.toByteArray());
        return files;
    }
}
