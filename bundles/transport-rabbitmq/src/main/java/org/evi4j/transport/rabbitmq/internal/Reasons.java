package org.evi4j.transport.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.Method;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import com.rabbitmq.client.ShutdownSignalException;

/** Short texts for the client library's failures, fit for a subscriber's last error; never with the password. */
final class Reasons {

    private Reasons() {
    }

    static String of(Throwable failure, String user) {
        if (failure instanceof PossibleAuthenticationFailureException) {
            String detail = failure instanceof AuthenticationFailureException ? " (" + failure.getMessage() + ")" : "";
            return "authentication failed for user '" + user + "'" + detail;
        }
        if (failure instanceof ShutdownSignalException) {
            return of((ShutdownSignalException) failure, user);
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    /** The broker's reply text when the broker closed it, otherwise the error underneath. */
    static String of(ShutdownSignalException signal, String user) {
        Method reason = signal.getReason();
        if (reason instanceof AMQP.Channel.Close) {
            return ((AMQP.Channel.Close) reason).getReplyText();
        }
        if (reason instanceof AMQP.Connection.Close) {
            return ((AMQP.Connection.Close) reason).getReplyText();
        }
        Throwable cause = signal.getCause();
        return cause == null ? String.valueOf(signal.getMessage()) : of(cause, user);
    }
}
