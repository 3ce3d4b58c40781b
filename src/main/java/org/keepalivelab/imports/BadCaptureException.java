package org.keepalivelab.imports;

/**
 * The file is not a capture the lab can read, or is damaged where it cannot be read on: a wrong magic
 * number, a length past its limit or its block, an interface that was never described. Its message is
 * one sentence naming where ({@link #position()}) and what; the caller adds the file's name.
 */
public final class BadCaptureException extends Exception {
    private final transient Position position;

    public BadCaptureException(Position position, String what) {
        super(position + ": " + what);
        this.position = position;
    }

    public Position position() {
        return position;
    }
}
