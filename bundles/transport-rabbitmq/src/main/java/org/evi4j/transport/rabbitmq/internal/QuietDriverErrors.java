package org.evi4j.transport.rabbitmq.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.impl.ForgivingExceptionHandler;

/**
 * The client library's error handler, but without its warning for every broken connection: the publisher already
 * reports and logs (rate-limited) each failed or lost connection, and a broker that refuses a login resets every
 * attempt's socket, which would give one extra warning per attempt.
 */
final class QuietDriverErrors extends ForgivingExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(QuietDriverErrors.class);

    @Override
    public void handleUnexpectedConnectionDriverException(Connection connection, Throwable exception) {
        LOG.debug("RabbitMQ connection driver error: {}", exception.toString());
    }
}
