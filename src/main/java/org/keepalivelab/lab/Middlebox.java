package org.keepalivelab.lab;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.keepalivelab.linux.SocketFilterProgram;
import org.keepalivelab.model.Action;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.IdleMode;
import org.keepalivelab.model.TcpFlags;

/**
 * The middlebox a sever-idle puts between the two ends of one connection: a NAT, a load balancer or a
 * conntrack table that forgets the connection once no segment has crossed it for its idle time. After
 * that it drops every segment ({@link IdleMode#DROP}), or it answers the first segment that tries to
 * cross with a RST to each end and drops that segment ({@link IdleMode#RESET}).
 *
 * <p>Its clock is the capture's: each segment reports its kernel timestamp ({@link #crossed}, on the
 * capture's thread), so the deadline is exact. A timer on the lab's loop, due the idle time after the
 * last crossing it knows of, arms itself again when a later crossing moved that deadline; once the
 * capture has caught up with the deadline ({@link CaptureWatermark}) and no crossing moved it, the
 * middlebox forgets ({@link #check}) and its filters go in: within the loop's wake-up and the capture's
 * catching up, a millisecond or two on an idle machine. A segment in that gap reaches its receiver (the
 * capture shows it not dropped) but restarts nothing: it came after the deadline. The idle time counts
 * from the arming, or from the last segment that crossed after it.
 */
final class Middlebox {
    /**
     * A middlebox's idle time: up to five days, Linux conntrack's default for an established TCP
     * connection ({@code nf_conntrack_tcp_timeout_established}, {@code net/netfilter/nf_conntrack_proto_tcp.c}).
     */
    static final Range IDLE_SECONDS = new Range("sever-idle's idle time", 1, 5 * 24 * 3600, "s");

    /** Filters what arrives at each end as {@code program} says: the directions filtered from then on. */
    @FunctionalInterface
    interface Cut {
        Set<Direction> apply(SocketFilterProgram program) throws IOException;
    }

    /** Forges a RST to each end, answering a segment that tried to cross going {@code trigger}. */
    @FunctionalInterface
    interface Reset {
        void answer(Direction trigger) throws IOException;
    }

    /** How soon the timer looks again while the capture catches up with the deadline. */
    private static final long CATCH_UP_POLL_NANOS = 1_000_000;

    private final int conn;
    private final Action.SeverIdle settings;
    private final long idleNanos;
    private final Journal journal;
    private final EventLoop loop;
    private final CaptureWatermark watermark;
    private final Cut cut;
    private final Reset reset;
    /**
     * Lab time of the last segment that crossed before the deadline it set, or of the arming: the
     * connection is forgotten from this plus the idle time on. Written by the capture's thread once armed.
     */
    private volatile long lastCrossing;
    /** Once a segment has drawn the RST pair of a {@code reset} middlebox, it draws no other. */
    private final AtomicBoolean answered = new AtomicBoolean();
    private volatile boolean removed;
    private boolean forgotten; // the loop's
    private EventLoop.Timer timer; // the loop's

    Middlebox(int conn, Action.SeverIdle settings, Journal journal, EventLoop loop, CaptureWatermark watermark,
              Cut cut, Reset reset) {
        this.conn = conn;
        this.settings = settings;
        this.idleNanos = settings.seconds() * 1_000_000_000L;
        this.journal = journal;
        this.loop = loop;
        this.watermark = watermark;
        this.cut = cut;
        this.reset = reset;
    }

    /** Starts the idle clock now; on the loop, before the capture may report a crossing. */
    void arm() {
        lastCrossing = journal.now();
        timer = loop.schedule(idleNanos, this::check);
    }

    /**
     * A segment going {@code dir} with these TCP flags reached the middlebox at lab time {@code t}; on
     * the capture's thread. Before the deadline it restarts the idle clock; after it, the connection is
     * forgotten, whether or not the loop has put its filters in place yet.
     */
    void crossed(Direction dir, long t, int tcpFlags) {
        long last = lastCrossing;
        if (t - last < idleNanos) {
            if (t - last > 0) {
                lastCrossing = t;
            }
        } else if (settings.mode() == IdleMode.RESET && !TcpFlags.has(tcpFlags, TcpFlags.RST)
                && answered.compareAndSet(false, true)) {
            // No answer to a RST (RFC 9293 3.10.7), neither to an end's nor to the middlebox's own.
            loop.post(() -> answer(dir));
        }
    }

    /**
     * The timer: once the deadline has passed and the capture has caught up with it, forgets the
     * connection if nothing crossed meanwhile; else waits for the new deadline.
     */
    private void check() throws IOException {
        if (removed || forgotten) {
            return;
        }
        long now = journal.now();
        long due = lastCrossing + idleNanos;
        if (due - now > 0) {
            timer = loop.schedule(due - now, this::check);
        } else if (!watermark.reached(due)) {
            watermark.mark();
            timer = loop.schedule(CATCH_UP_POLL_NANOS, this::check);
        } else {
            forget(now);
        }
    }

    /** A segment came after the deadline: the RST pair, once the filters stop that segment's successors. */
    private void answer(Direction trigger) throws IOException {
        if (removed) {
            return;
        }
        if (!forgotten) { // the segment beat the timer: it reached its receiver, which the RST accounts for
            forget(journal.now());
        }
        reset.answer(trigger);
    }

    private void forget(long now) throws IOException {
        forgotten = true;
        var program = settings.mode() == IdleMode.DROP ? SocketFilterProgram.DROP_ALL : SocketFilterProgram.BARE_RST_ONLY;
        journal.action(now, conn, new Action.Forget(settings.mode(), cut.apply(program)));
    }

    /** Takes the middlebox out of the path (a restore): it forgets nothing more and answers nothing more. */
    void remove() {
        removed = true;
        if (timer != null) {
            timer.cancel();
        }
    }

    /** How it was armed, as a script writes it: {@code "sever-idle 8 drop"}. */
    @Override
    public String toString() {
        return settings.scriptText();
    }
}
