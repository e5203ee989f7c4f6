package org.evi4j.transport.kafka.internal;

/** Short texts for the client's failures, fit for a subscriber's last error. */
final class Reasons {

    private Reasons() {
    }

    /** The message of the failure, or of its cause when it only wraps one, or its type. */
    static String of(Throwable failure) {
        Throwable shown = failure;
        while (shown.getCause() != null && (shown.getMessage() == null
                || shown.getMessage().equals(shown.getCause().toString()))) {
            shown = shown.getCause();
        }
        String message = shown.getMessage();
        return message == null || message.isBlank() ? shown.getClass().getSimpleName() : message;
    }
}
