package org.keepalivelab.lab;

/**
 * What the middleboxes of one lab share: the raw socket that forges their RSTs, and the capture's
 * watermark that tells them when every segment before a deadline is known.
 *
 * @param watermark {@code null} when the lab does not capture, where no middlebox is armed; it goes with
 *                  the capture ({@link LabCapture})
 */
record Middleboxes(ResetForger forger, CaptureWatermark watermark) implements AutoCloseable {
    /** On the lab's loop, as the lab closes. */
    @Override
    public void close() {
        forger.close();
    }
}
