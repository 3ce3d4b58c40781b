package org.keepalivelab.capture;

import java.util.Objects;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.TcpFlags;

/**
 * Classifies the segments of one connection, in capture order, by Wireshark's sequence analysis
 * ({@code epan/dissectors/packet-tcp.c}, {@code tcp_analyze_sequence_number}): each rule below is one
 * of Wireshark's, checked in Wireshark's order, so our labels and Wireshark's agree on a capture.
 *
 * <p>Two deliberate differences, where Wireshark is wrong for Linux (docs/architecture.md, "Classifying segments"):
 * <ul>
 *   <li>Linux's zero-window probe has the keep-alive's shape, which Wireshark calls a keep-alive. Sent
 *       while the receiver advertises a zero window and the sender's application has written data that
 *       has not gone out (the kernel probes a zero window only then; with nothing waiting, its
 *       keep-alive timer runs as usual), it is a zero-window probe here.
 *   <li>A one-byte segment one byte before the next sequence number is a keep-alive only when the
 *       receiver had acknowledged everything before it; otherwise it is a one-byte write sent again, a
 *       retransmission.
 * </ul>
 */
public final class TcpAnalyzer {
    private static final int SYN_FIN_RST = TcpFlags.SYN | TcpFlags.FIN | TcpFlags.RST;

    /** How many bytes the application sending each way has written: the lab counts them, a capture cannot. */
    @FunctionalInterface
    public interface Written {
        long bytes(Direction dir);
    }

    private final Written written; // null: a capture read from a file, where nobody counted the writes
    private final Flow c2s = new Flow();
    private final Flow s2c = new Flow();
    private boolean assumed;

    /** What one direction has sent so far. */
    private static final class Flow {
        boolean started;
        long isn = -1; // the SYN's sequence number, once seen
        boolean finSent;
        long nextSeq;
        long lastAck;
        int window = -1;
        boolean lastWasKeepAlive;
    }

    /** The live lab's analyzer: {@code written} counts what each application wrote. */
    public TcpAnalyzer(Written written) {
        this.written = Objects.requireNonNull(written);
    }

    private TcpAnalyzer() {
        this.written = null;
    }

    /**
     * An analyzer for a capture read from a file, where the applications' writes are unknown. Its one
     * rule that differs: a keep-alive-shaped segment into a zero window is taken for Linux's zero-window
     * probe, as the live analyzer takes it when it has not seen the handshake. The kernel probes a zero
     * window only while data waits to be sent ({@code tcp_probe_timer}), and its keep-alive timer does not
     * fire while data waits ({@code tcp_keepalive_timer}: "It is alive without keepalive"), so a receiver
     * that closed its window on a sender still sending is the usual case. Such a label is
     * {@linkplain #assumed() assumed from the capture}.
     */
    public static TcpAnalyzer forCapture() {
        return new TcpAnalyzer();
    }

    /**
     * True when the last {@link #classify} rested on what a capture cannot show (whether the sender had
     * unsent data), not on the segments alone.
     */
    public boolean assumed() {
        return assumed;
    }

    public SegmentKind classify(Direction dir, TcpSegment s) {
        Flow fwd = dir == Direction.C2S ? c2s : s2c;
        Flow rev = dir == Direction.C2S ? s2c : c2s;
        assumed = false;

        boolean zeroWindowProbe = isZeroWindowProbe(s, fwd, rev);
        boolean keepAliveShaped = !zeroWindowProbe && isKeepAlive(s, fwd, rev);
        boolean linuxZeroWindowProbe = keepAliveShaped && rev.window == 0 && hasUnsentData(dir, fwd);
        boolean keepAlive = keepAliveShaped && !linuxZeroWindowProbe;
        boolean windowUpdate = isWindowUpdate(s, fwd);
        boolean keepAliveAck = isKeepAliveAck(s, fwd, rev);
        boolean retransmission = !keepAliveShaped && isRetransmission(s, fwd);

        advance(fwd, s, zeroWindowProbe);
        fwd.lastWasKeepAlive = keepAlive;

        if (zeroWindowProbe || linuxZeroWindowProbe) {
            return SegmentKind.ZERO_WINDOW_PROBE;
        } else if (keepAlive) {
            return SegmentKind.KEEPALIVE;
        } else if (keepAliveAck) {
            return SegmentKind.KEEPALIVE_ACK;
        } else if (retransmission) {
            return SegmentKind.RETRANSMISSION;
        } else if (has(s, TcpFlags.SYN)) {
            return has(s, TcpFlags.ACK) ? SegmentKind.SYN_ACK : SegmentKind.SYN;
        } else if (has(s, TcpFlags.RST)) {
            return SegmentKind.RST;
        } else if (has(s, TcpFlags.FIN)) {
            return SegmentKind.FIN;
        } else if (s.len() > 0) {
            return SegmentKind.DATA;
        } else if (windowUpdate) {
            return SegmentKind.WINDOW_UPDATE;
        }
        return SegmentKind.ACK;
    }

    /** Zero-window probe: exactly 1 byte at the next expected sequence number while the receiver's window is 0. */
    private static boolean isZeroWindowProbe(TcpSegment s, Flow fwd, Flow rev) {
        return fwd.started && s.len() == 1 && s.seq() == fwd.nextSeq && rev.window == 0;
    }

    /**
     * Keep-alive: 0 or 1 byte starting one byte before the next expected sequence number; never SYN, FIN
     * or RST. One byte only when the receiver had acknowledged everything before it: else it is data.
     */
    private static boolean isKeepAlive(TcpSegment s, Flow fwd, Flow rev) {
        return fwd.started && s.len() <= 1 && s.seq() == minus1(fwd.nextSeq) && !hasAny(s, SYN_FIN_RST)
                && (s.len() == 0 || rev.lastAck == fwd.nextSeq);
    }

    /**
     * True while the application sending {@code dir} has written more than went out: Linux probes a
     * zero window only then. Unknown without the handshake (a capture begun mid-connection) or without
     * the writes (a capture read from a file): assumed, and said so by {@link #assumed()}.
     */
    private boolean hasUnsentData(Direction dir, Flow fwd) {
        if (written == null || fwd.isn < 0) {
            assumed = true;
            return true;
        }
        long sent = ((fwd.nextSeq - fwd.isn - 1) & 0xffff_ffffL) - (fwd.finSent ? 1 : 0);
        return written.bytes(dir) > sent;
    }

    /** Window update: no payload, same seq and ack as before, a new non-zero window. */
    private static boolean isWindowUpdate(TcpSegment s, Flow fwd) {
        return fwd.started && s.len() == 0 && s.window() != 0 && s.window() != fwd.window
                && s.seq() == fwd.nextSeq && s.ack() == fwd.lastAck && !hasAny(s, SYN_FIN_RST);
    }

    /** Keep-alive ACK: repeats the previous ACK, same non-zero window, right after a keep-alive the other way. */
    private static boolean isKeepAliveAck(TcpSegment s, Flow fwd, Flow rev) {
        return fwd.started && s.len() == 0 && s.window() != 0 && s.window() == fwd.window
                && s.seq() == fwd.nextSeq && s.ack() == fwd.lastAck && rev.lastWasKeepAlive
                && !hasAny(s, SYN_FIN_RST);
    }

    /** Retransmission: payload, SYN or FIN that does not advance the sequence number (and is no keep-alive). */
    private static boolean isRetransmission(TcpSegment s, Flow fwd) {
        return fwd.started && (s.len() > 0 || hasAny(s, TcpFlags.SYN | TcpFlags.FIN)) && before(s.seq(), fwd.nextSeq);
    }

    private static void advance(Flow fwd, TcpSegment s, boolean zeroWindowProbe) {
        long next = (s.seq() + s.len() + (hasAny(s, TcpFlags.SYN | TcpFlags.FIN) ? 1 : 0)) & 0xffff_ffffL;
        // The highest sequence seen is what comes next; zero-window probes do not advance it.
        if ((!fwd.started || before(fwd.nextSeq, next)) && !zeroWindowProbe) {
            fwd.nextSeq = next;
            fwd.started = true;
        }
        if (has(s, TcpFlags.SYN)) {
            fwd.isn = s.seq();
        }
        fwd.finSent |= has(s, TcpFlags.FIN);
        fwd.lastAck = s.ack();
        fwd.window = s.window();
    }


    private static boolean has(TcpSegment s, int flag) {
        return TcpFlags.has(s.flags(), flag);
    }

    private static boolean hasAny(TcpSegment s, int flags) {
        return (s.flags() & flags) != 0;
    }

    private static long minus1(long seq) {
        return (seq - 1) & 0xffff_ffffL;
    }

    /** {@code a} comes before {@code b} in sequence space (RFC 1982 arithmetic, as Wireshark's LT_SEQ). */
    private static boolean before(long a, long b) {
        return (int) (a - b) < 0;
    }
}
