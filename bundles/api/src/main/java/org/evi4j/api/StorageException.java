package org.evi4j.api;

/**
 * A subscription change could not be made durable (the disk is full, the data folder is unwritable or gone): the
 * change was not made, the subscriptions are exactly as before the request, and the same request may succeed once
 * the storage works again. The message says why, without the socket (it may hold a password).
 *
 * @since 1.2
 */
public class StorageException extends EviException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
