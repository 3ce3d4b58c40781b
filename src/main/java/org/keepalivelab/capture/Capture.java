package org.keepalivelab.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.keepalivelab.linux.LinuxException;
import org.keepalivelab.linux.PacketSocket;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.LabClock;
import org.keepalivelab.model.Timeline;

/**
 * Captures the lab's segments on loopback: one thread receives each packet with its kernel
 * timestamp, decodes it, keeps it for the pcap export, classifies it and appends it to the timeline.
 */
public final class Capture implements AutoCloseable {
    /** 65,536 frames: a quarter of a second of the heaviest flood the benchmarks make, should the thread stall. */
    private static final int RING_BYTES = 32 << 20;
    private static final long DROP_CHECK_NANOS = 1_000_000_000L;

    private final PacketSocket socket;
    private final ConnectionDirectory directory;
    private final Timeline timeline;
    private final LabClock clock;
    private final PacketLog packets = new PacketLog(PacketSocket.SNAP_LENGTH);
    private final List<TcpAnalyzer> analyzers = new ArrayList<>(); // by connection number; capture thread only
    private final AtomicLong kernelDrops = new AtomicLong();
    private final LatencyHistogram latency = new LatencyHistogram();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String failure;
    /** The lab time of the latest packet taken in; written by the capture's thread only. */
    private volatile long takenInUpTo = Long.MIN_VALUE;

    private Capture(String threadName, PacketSocket socket, ConnectionDirectory directory, Timeline timeline,
                    LabClock clock) {
        this.socket = socket;
        this.directory = directory;
        this.timeline = timeline;
        this.clock = clock;
        this.thread = Thread.ofPlatform().name(threadName).daemon().unstarted(this::run);
    }

    /**
     * Starts capturing on {@code lo} the packets of the lab's server port.
     *
     * @throws LinuxException when the packet socket cannot be opened; without {@code CAP_NET_RAW} its
     *                        {@link LinuxException#isPermissionDenied()} is true
     */
    public static Capture start(String threadName, ConnectionDirectory directory, Timeline timeline, LabClock clock)
            throws LinuxException {
        var socket = PacketSocket.open("lo", RING_BYTES);
        try {
            socket.hearOnly(directory.serverPort());
        } catch (LinuxException | RuntimeException e) {
            socket.close();
            throw e;
        }
        var capture = new Capture(threadName, socket, directory, timeline, clock);
        capture.thread.start();
        return capture;
    }

    /**
     * Hears loopback packets with {@code port} at either end too, besides the lab's server port: the
     * capture's thread passes them (they are no lab segments) and counts them in {@link #takenInUpTo()}.
     */
    public void hearAlso(int port) throws LinuxException {
        socket.hearOnly(directory.serverPort(), port);
    }

    public PacketLog packets() {
        return packets;
    }

    /**
     * How the capture is doing.
     *
     * @param packets     lab packets kept
     * @param kernelDrops packets the kernel dropped because the capture did not keep up
     *                    ({@code PACKET_STATISTICS}, read once a second); 0 is the only good answer
     * @param latency     from each segment's kernel timestamp to its event on the timeline
     */
    public record Statistics(long packets, long kernelDrops, LatencyHistogram latency) {
    }

    public Statistics statistics() {
        return new Statistics(packets.packets(), kernelDrops.get(), latency);
    }

    /**
     * The lab time of the latest packet the capture has taken in, a lab segment or another that it hears
     * ({@link #hearAlso}): every lab segment the kernel stamped before it is on the timeline by now, as
     * the packet socket's ring holds packets in order of arrival. Any thread.
     */
    public long takenInUpTo() {
        return takenInUpTo;
    }

    /** Why the capture stopped on its own, or {@code null} while it runs. */
    public String failure() {
        return failure;
    }

    private void run() {
        long nextDropCheck = System.nanoTime();
        try {
            while (running) {
                int length = socket.receive();
                if (length >= 0) {
                    accept(length);
                }
                if (System.nanoTime() - nextDropCheck >= 0) {
                    kernelDrops.addAndGet(socket.dropsSinceLastCall());
                    nextDropCheck = System.nanoTime() + DROP_CHECK_NANOS;
                }
            }
            kernelDrops.addAndGet(socket.dropsSinceLastCall());
        } catch (LinuxException e) {
            failure = "Capture stopped: " + e.getMessage();
        } catch (RuntimeException e) {
            failure = "Capture stopped: " + e; // a bug; the lab says so rather than claim it still captures
        }
    }

    private void accept(int length) {
        long epochNanos = socket.timestampNanos();
        long t = clock.sinceStart(epochNanos);
        take(length, epochNanos, t);
        takenInUpTo = t;
    }

    /** The packet just received, stamped {@code t}: on the timeline and in the pcap if it is a lab segment. */
    private void take(int length, long epochNanos, long t) {
        int captured = socket.captured();
        var packet = socket.packet();
        var segment = SegmentDecoder.decode(packet, captured);
        if (segment == null) {
            return;
        }
        int serverPort = directory.serverPort();
        Direction dir;
        int conn;
        if (segment.dstPort() == serverPort) {
            dir = Direction.C2S;
            conn = directory.connectionOf(segment.srcPort());
        } else if (segment.srcPort() == serverPort) {
            dir = Direction.S2C;
            conn = directory.connectionOf(segment.dstPort());
        } else {
            return;
        }
        if (conn == 0) {
            return;
        }
        packets.append(epochNanos, packet, captured, length);
        var kind = analyzer(conn).classify(dir, segment);
        boolean dropped = directory.dropped(conn, dir, t, segment.flags());
        timeline.appendSegment(t, conn, dir, segment.flags(), segment.seq(), segment.ack(), segment.len(),
                segment.window(), kind, dropped, false);
        directory.crossed(conn, dir, t, segment, dropped);
        latency.record(clock.now() - t);
    }

    private TcpAnalyzer analyzer(int conn) {
        while (analyzers.size() < conn) {
            int next = analyzers.size() + 1;
            analyzers.add(new TcpAnalyzer(dir -> directory.bytesWritten(next, dir)));
        }
        return analyzers.get(conn - 1);
    }

    /** Stops the capture thread and closes the packet socket. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        socket.close();
    }
}
