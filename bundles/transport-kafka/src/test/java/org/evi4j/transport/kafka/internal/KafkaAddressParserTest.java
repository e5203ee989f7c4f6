package org.evi4j.transport.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.Map;

import org.evi4j.spi.DeliveryReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Sockets as OpenSIPS event_kafka parses them, and the ones it accepts but cannot use (or crashes on) refused. */
class KafkaAddressParserTest {

    private static KafkaDestination parse(String address) {
        return KafkaAddressParser.parse(address, DeliveryReport.NONE);
    }

    @Test
    void listedAsOpenSipsListsItWithoutTheProperties() {
        KafkaDestination d = parse("127.0.0.1:19092/evt4?key=callid&g.linger.ms=0&t.sasl.username=u&t.sasl.password=s3cret");
        assertThat(d.shownAddress()).isEqualTo("127.0.0.1:19092/evt4");
        assertThat(d.address()).isEqualTo("127.0.0.1:19092/evt4?key=callid&g.linger.ms=0&t.sasl.username=u&t.sasl.password=s3cret");
        assertThat(d.toString()).isEqualTo("kafka:127.0.0.1:19092/evt4").doesNotContain("s3cret");
        assertThat(d.topic()).isEqualTo("evt4");
        assertThat(d.keyedByCallId()).isTrue();
        assertThat(d.producer().toString()).doesNotContain("s3cret");
    }

    @Test
    void brokersAsWrittenInTheListingBlanksAndDefaultPortForTheClient() throws Exception {
        KafkaDestination d = parse(" 127.0.0.1:19099, localhost ,[::1]:9093/pe8");
        assertThat(d.shownAddress()).isEqualTo(" 127.0.0.1:19099, localhost ,[::1]:9093/pe8");
        assertThat(d.producer().bootstrap()).isEqualTo("127.0.0.1:19099,localhost:9092,[::1]:9093");
        assertThat(d.keyedByCallId()).isFalse();
        assertThat(d.inetAddress()).isPresent();
    }

    @Test
    void theBrokerLeastLikelyToBeAllowedIsTheOneChecked() throws Exception {
        KafkaDestination d = parse("127.0.0.1:9092,10.1.2.3:9092,192.0.2.7:9092,172.16.0.1/t");
        assertThat(d.inetAddress()).contains(InetAddress.getByName("192.0.2.7"));
    }

    @Test
    void librdkafkaNamesAreTranslatedBothPrefixesAlikeAndTheFirstOfANameWins() {
        KafkaDestination d = parse("127.0.0.1:1/t?t.request.required.acks=1&g.queue.buffering.max.ms=7&g.compression.codec=gzip"
                + "&t.message.timeout.ms=3000&g.acks=0&g.linger.ms=9&g.batch.size=1000");
        assertThat(d.producer().properties()).isEqualTo(Map.of("acks", "1", "linger.ms", "7", "compression.type",
                "gzip", "delivery.timeout.ms", "3000", "batch.size", "1000"));
    }

    @Test
    void saslUserAndPasswordBecomeAJaasLoginOfKafkasOwnModule() {
        KafkaDestination d = parse("127.0.0.1:1/t?g.security.protocol=SASL_PLAINTEXT&g.sasl.mechanisms=SCRAM-SHA-256"
                + "&g.sasl.username=evi&g.sasl.password=p\"w");
        assertThat(d.producer().properties()).containsEntry("sasl.mechanism", "SCRAM-SHA-256")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"evi\" password=\"p\\\"w\";")
                .doesNotContainKeys("sasl.username", "sasl.password");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        // OpenSIPS: 400
        "''|no Kafka socket given",
        "127.0.0.1:19092|missing topic in '127.0.0.1:19092'",
        "127.0.0.1:19092?g.acks=1|missing topic",
        "127.0.0.1:19092/t?x|missing property name in 'x'",
        "127.0.0.1:19092/t?g.acks=all&|missing property name in ''",
        "127.0.0.1:19092/t?&g.acks=1|missing property name",
        "127.0.0.1:19092/t?g.a=1=2|unexpected '=' in the value of property 'g.a'",
        // OpenSIPS: crash
        "127.0.0.1:19092/|missing topic after the '/'",
        "127.0.0.1:19092/a/b|unexpected '/' in the Kafka topic 'a/b'",
        "127.0.0.1:19092/t?|missing properties after the '?'",
        // OpenSIPS: accepted, never delivers or ignores the property
        "/pe1|no Kafka broker before the '/'",
        "127.0.0.1:19092/bad topic!|bad Kafka topic name 'bad topic!'",
        "127.0.0.1:19092/..|bad Kafka topic name '..'",
        "127.0.0.1:19092/pe3?bogus=1|unknown property 'bogus'",
        "127.0.0.1:19092/pe11?=v|missing property name in '=v'",
        "127.0.0.1:19092/pe4?g.no.such.prop=1|unknown Kafka producer property 'no.such.prop' in the socket",
        "127.0.0.1:19092/pe5?g.acks=|bad Kafka property in the socket: Invalid value  for configuration acks",
        "127.0.0.1:19092/t?g.linger.ms=soon|bad Kafka property in the socket: Invalid value soon for configuration linger.ms",
        "127.0.0.1:19092/t?key=from|unsupported key 'from': only key=callid",
        // evi4j's own limits
        "127.0.0.1:19092/t?g.bootstrap.servers=h:1|'bootstrap.servers' is set by evi4j",
        "127.0.0.1:19092/t?g.max.block.ms=1|'max.block.ms' is set by evi4j",
        "127.0.0.1:19092/t?g.metric.reporters=x.Y|'metric.reporters' is not accepted from the socket",
        "127.0.0.1:19092/t?g.partitioner.class=x.Y|'partitioner.class' is not accepted from the socket",
        "127.0.0.1:19092/t?g.transactional.id=x|'transactional.id' is not accepted",
        "127.0.0.1:19092/t?g.compression.codec=zstd|compression.type zstd is not available in the socket",
        "127.0.0.1:19092/t?g.compression.type=snappy|evi4j's Kafka transport carries no snappy codec",
        "127.0.0.1:19092/t?g.sasl.jaas.config=com.evil.Module required;|may only name Kafka's PlainLoginModule",
        "127.0.0.1:19092/t?g.sasl.username=u|sasl.username and sasl.password go together",
        "127.0.0.1:0/t|bad port in the Kafka broker '127.0.0.1:0'",
        "127.0.0.1:x/t|bad port",
        "::1:9092/t|IPv6 addresses go in brackets",
        "[::1/t|bad IPv6 Kafka broker",
        "[127.0.0.1]:9092/t|IPv6 addresses, and only they, go in brackets",
        "127.0.0.1:9092,,h:1/t|empty entry in the Kafka broker list",
        "no-such-host.invalid:9092/t|unknown Kafka broker host 'no-such-host.invalid'"})
    void refusedWithAClearMessage(String address, String message) {
        assertThatThrownBy(() -> parse(address)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void aRefusalNeverQuotesAPropertyValueOfAnotherProperty() {
        assertThatThrownBy(() -> parse("127.0.0.1:1/t?g.sasl.password=s3cret&g.bogus=1"))
                .hasMessageNotContaining("s3cret");
    }
}
