package org.evi4j.api;

/**
 * A subscription was refused: the socket does not parse, no transport serves its scheme, its encoder is unknown,
 * its destination is not allowed, or a limit was reached. The message says which.
 */
public class InvalidSubscriptionException extends EviException {
    private static final long serialVersionUID = 1L;

    public InvalidSubscriptionException(String message) {
        super(message);
    }

    public InvalidSubscriptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
