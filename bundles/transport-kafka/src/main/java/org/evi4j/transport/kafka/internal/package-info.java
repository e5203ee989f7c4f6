/** The Kafka event transport ({@code kafka:brokers/topic[?g.NAME=V&t.NAME=V&key=callid]}); not exported. */
package org.evi4j.transport.kafka.internal;
