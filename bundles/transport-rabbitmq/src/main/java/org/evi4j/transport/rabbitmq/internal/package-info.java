/** The RabbitMQ event transport ({@code rabbitmq:[user[:password]@]host[:port]/[params?]routing_key}); not exported. */
package org.evi4j.transport.rabbitmq.internal;
