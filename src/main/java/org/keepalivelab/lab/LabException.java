package org.keepalivelab.lab;

/** An action the lab could not carry out, with a message fit for the user. */
public final class LabException extends RuntimeException {

    public LabException(String message) {
        super(message);
    }

    public LabException(String message, Throwable cause) {
        super(message, cause);
    }
}
