package org.evi4j.api;

/** Base of the Event Interface's errors; the message is meant for the user who caused it. */
public class EviException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EviException(String message) {
        super(message);
    }

    public EviException(String message, Throwable cause) {
        super(message, cause);
    }
}
