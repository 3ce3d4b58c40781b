package org.keepalivelab.imports;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A capture's bytes, read forward once through a fixed buffer (never the whole file in memory), with the
 * offset of the next byte. A gzip-compressed file is recognised by its magic number (RFC 1952, 2.3.1:
 * 0x1f 0x8b) and read through the decompressor; offsets then count uncompressed bytes. The end of the
 * data, also a gzip stream cut short, is an end like any other: the readers say what it cut. Damaged
 * compressed data throws a ZipException from a read.
 */
public final class CaptureStream implements AutoCloseable {
    /** The name that reads standard input. */
    public static final String STANDARD_INPUT = "-";
    private static final int BUFFER = 1 << 20;
    private static final int GZIP_1 = 0x1f;
    private static final int GZIP_2 = 0x8b;

    private final InputStream raw;
    private InputStream in; // the decompressor, made on the first read: it reads the gzip header at once
    private final byte[] buffer = new byte[BUFFER];
    private int start;
    private int end;
    private long offset;
    private boolean exhausted;
    private final boolean compressed;

    private CaptureStream(InputStream raw) throws IOException {
        var buffered = new BufferedInputStream(raw, 1 << 16);
        buffered.mark(2);
        boolean gzip = buffered.read() == GZIP_1 && buffered.read() == GZIP_2;
        buffered.reset();
        this.compressed = gzip;
        this.raw = buffered;
    }

    /** Opens {@code name}, or standard input for {@value #STANDARD_INPUT}. */
    public static CaptureStream open(String name) throws IOException {
        return new CaptureStream(name.equals(STANDARD_INPUT) ? System.in : Files.newInputStream(Path.of(name)));
    }

    /** Reads from {@code in}, which it closes when closed. */
    public static CaptureStream of(InputStream in) throws IOException {
        return new CaptureStream(in);
    }

    /** True when the bytes are gzip-decompressed. */
    public boolean compressed() {
        return compressed;
    }

    /** The offset of the next byte to read. */
    public long offset() {
        return offset;
    }

    /**
     * Reads up to {@code length} bytes into {@code target}; fewer only at the end of the data.
     *
     * @return how many bytes were read
     */
    public int read(byte[] target, int at, int length) throws IOException {
        int done = 0;
        while (done < length) {
            if (start == end && !fill()) {
                break;
            }
            int n = Math.min(length - done, end - start);
            System.arraycopy(buffer, start, target, at + done, n);
            start += n;
            done += n;
        }
        offset += done;
        return done;
    }

    /**
     * Skips up to {@code length} bytes; fewer only at the end of the data.
     *
     * @return how many bytes were skipped
     */
    public long skip(long length) throws IOException {
        long done = 0;
        while (done < length) {
            if (start == end && !fill()) {
                break;
            }
            int n = (int) Math.min(length - done, end - start);
            start += n;
            done += n;
        }
        offset += done;
        return done;
    }

    /** Refills the buffer; false at the end of the data. */
    private boolean fill() throws IOException {
        if (exhausted) {
            return false;
        }
        int n;
        try {
            if (in == null) {
                in = compressed ? new GZIPInputStream(raw, 1 << 16) : raw;
            }
            n = in.read(buffer, 0, buffer.length);
        } catch (EOFException e) {
            n = -1; // a gzip stream cut short ("Unexpected end of ZLIB input stream"): the data ends here
        }
        if (n <= 0) { // 0 only from a stream that breaks InputStream's contract: taken as its end
            exhausted = true;
            return false;
        }
        start = 0;
        end = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        raw.close();
    }
}
