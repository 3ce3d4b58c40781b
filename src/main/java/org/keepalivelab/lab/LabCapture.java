package org.keepalivelab.lab;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Optional;
import org.keepalivelab.capture.Capture;
import org.keepalivelab.capture.ConnectionDirectory;
import org.keepalivelab.capture.PacketLog;
import org.keepalivelab.linux.LinuxException;
import org.keepalivelab.model.LabClock;
import org.keepalivelab.model.Timeline;

/**
 * The lab's in-process capture where the process may capture: the capture and the watermark its
 * middleboxes wait on ({@link CaptureWatermark}); elsewhere, why there is none, in the user's words
 * ({@link Privileges}). Started before the lab's loop, closed after it.
 */
final class LabCapture implements AutoCloseable {
    /** Null where the process may not capture. */
    private final Capture capture;
    /** Null where {@link #capture} is. */
    private final CaptureWatermark watermark;
    /** Why the capture did not start, or null when it did. */
    private final String startProblem;

    private LabCapture(Capture capture, CaptureWatermark watermark, String startProblem) {
        this.capture = capture;
        this.watermark = watermark;
        this.startProblem = startProblem;
    }

    /**
     * Starts capturing the lab's connections onto {@code timeline}, if {@code isolation} allows it.
     *
     * @param directory the lab's connections, as the capture's thread asks about them
     * @param loopback  the server's address, where the watermark's markers go to and from
     * @throws IOException when the capture started but its watermark could not be opened (the capture is closed)
     */
    static LabCapture start(Isolation isolation, String threadName, ConnectionDirectory directory, Timeline timeline,
                            LabClock clock, InetAddress loopback) throws IOException {
        if (!isolation.linux()) {
            return new LabCapture(null, null, Privileges.captureOffLinux(isolation));
        }
        Capture capture;
        try {
            capture = Capture.start(threadName, directory, timeline, clock);
        } catch (LinuxException e) {
            return new LabCapture(null, null, e.isPermissionDenied() ? Privileges.captureDenied(isolation)
                    : "Capture unavailable: " + e.getMessage());
        }
        try {
            return new LabCapture(capture, CaptureWatermark.open(capture, loopback), null);
        } catch (IOException | RuntimeException e) {
            capture.close();
            throw e;
        }
    }

    /** True when the capture started (it may have failed since: {@link #problem()}). */
    boolean started() {
        return capture != null;
    }

    /** Why the capture did not start, or {@code null} when it did: decided once, as the lab started. */
    String startProblem() {
        return startProblem;
    }

    /** Why segments are not being captured, or empty while the capture runs. */
    Optional<String> problem() {
        return startProblem != null ? Optional.of(startProblem) : Optional.ofNullable(capture.failure());
    }

    /** The captured packets; empty when the capture did not start. */
    Optional<PacketLog> packets() {
        return Optional.ofNullable(capture).map(Capture::packets);
    }

    /** The capture's counters; empty when the capture did not start. */
    Optional<Capture.Statistics> statistics() {
        return Optional.ofNullable(capture).map(Capture::statistics);
    }

    /** The watermark the middleboxes wait on, used on the lab's loop; {@code null} when the capture did not start. */
    CaptureWatermark watermark() {
        return watermark;
    }

    /** Closes the watermark and stops the capture, once the lab's loop, which used the watermark, has ended. */
    @Override
    public void close() {
        if (capture == null) {
            return;
        }
        try {
            watermark.close();
        } catch (IOException e) {
            // The lab closes all the same, as it did when the loop closed this: the capture must still stop.
        }
        capture.close();
    }
}
