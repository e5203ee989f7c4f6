package org.evi4j.api;

/** The event named was never published. */
public class UnknownEventException extends EviException {
    private static final long serialVersionUID = 1L;
    private final String event;

    public UnknownEventException(String event) {
        super("event not published: " + event);
        this.event = event;
    }

    public String event() {
        return event;
    }
}
