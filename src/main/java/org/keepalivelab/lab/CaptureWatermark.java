package org.keepalivelab.lab;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import org.keepalivelab.capture.Capture;

/**
 * How far the capture has got, for a middlebox about to decide that nothing crossed before its
 * deadline: the capture's thread may lag behind the kernel (a flood on loopback, a loaded machine), and
 * while loopback is quiet nothing shows that it is up to date. A datagram the lab sends itself over
 * loopback, stamped after the deadline, settles it: once the capture has taken that in, it has taken in
 * every segment stamped before. Used on the lab's loop.
 */
final class CaptureWatermark implements AutoCloseable {
    private final Capture capture;
    private final DatagramChannel marker;
    private final ByteBuffer oneByte = ByteBuffer.allocate(1);

    private CaptureWatermark(Capture capture, DatagramChannel marker) {
        this.capture = capture;
        this.marker = marker;
    }

    /** A watermark on {@code capture}, whose markers go from {@code loopback} to itself. */
    static CaptureWatermark open(Capture capture, InetAddress loopback) throws IOException {
        var channel = DatagramChannel.open();
        try {
            channel.bind(new InetSocketAddress(loopback, 0));
            channel.connect(channel.getLocalAddress());
            channel.configureBlocking(false);
            capture.hearAlso(((InetSocketAddress) channel.getLocalAddress()).getPort());
            return new CaptureWatermark(capture, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * True once the capture has taken in every segment the kernel stamped before lab time {@code t}, or
     * has stopped (then nothing more will come).
     */
    boolean reached(long t) {
        return capture.takenInUpTo() >= t || capture.failure() != null;
    }

    /** Sends one marker over loopback, stamped now: the capture passes it once it has caught up with now. */
    void mark() throws IOException {
        while (marker.read(oneByte.clear()) > 0) {
            // the markers sent before: read, so they never fill the socket's buffer
        }
        marker.write(oneByte.clear());
    }

    @Override
    public void close() throws IOException {
        marker.close();
    }
}
