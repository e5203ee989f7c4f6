package org.evi4j.transport.rabbitmq.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetAddress;

import org.evi4j.spi.DeliveryReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RabbitAddressParserTest {

    private static RabbitDestination parse(String text) {
        return RabbitAddressParser.parse(text, DeliveryReport.NONE, TestSettings.RESOLVER);
    }

    @Test
    void theDefaultsAreGuestGuestPort5672AndTheDefaultExchange() throws Exception {
        RabbitDestination d = parse("127.0.0.1/pike");

        assertThat(d.address()).isEqualTo("guest:guest@127.0.0.1:5672/pike");
        assertThat(d.shownAddress()).isEqualTo("guest@127.0.0.1:5672/pike");
        assertThat(d.inetAddress()).contains(InetAddress.getByName("127.0.0.1"));
        assertThat(d.broker()).isEqualTo(new BrokerKey("guest", "guest", "127.0.0.1",
                InetAddress.getByName("127.0.0.1"), 5672));
        assertThat(d.exchange()).isEmpty();
        assertThat(d.routingKey()).isEqualTo("pike");
        assertThat(d.persistent()).isFalse();
    }

    @Test
    void theOpenSipsExamplesMeanWhatTheirDocumentationSays() {
        assertThat(parse("guest:guest@127.0.0.1:5672/pike").address())
                .isEqualTo(parse("127.0.0.1/pike").address());

        RabbitDestination d = parse("127.0.0.1/exchange=ev;persistent?pike");
        assertThat(d.exchange()).isEqualTo("ev");
        assertThat(d.persistent()).isTrue();
        assertThat(d.routingKey()).isEqualTo("pike");
        assertThat(d.address()).isEqualTo("guest:guest@127.0.0.1:5672/exchange=ev;persistent?pike");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "127.0.0.1/persistent;exchange=ev?pike    | guest:guest@127.0.0.1:5672/exchange=ev;persistent?pike",
        "127.0.0.1/persistent?pike                | guest:guest@127.0.0.1:5672/persistent?pike",
        "127.0.0.1/exchange=ev?pike               | guest:guest@127.0.0.1:5672/exchange=ev?pike",
        "127.0.0.1/?pike                          | guest:guest@127.0.0.1:5672/pike",
        "alice:s3cret@localhost:5673/a.b.c        | alice:s3cret@localhost:5673/a.b.c",
        "alice@127.0.0.1/k                        | alice:@127.0.0.1:5672/k",
        "alice:@127.0.0.1/k                       | alice:@127.0.0.1:5672/k",
        "alice:pa:ss@127.0.0.1/k                  | alice:pa%3Ass@127.0.0.1:5672/k",
        "alice:p@ss@127.0.0.1/k                   | alice:p%40ss@127.0.0.1:5672/k",
        "al%40ice:p%2Fw@127.0.0.1/k%25            | al%40ice:p%2Fw@127.0.0.1:5672/k%25",
        "127.0.0.1/?a?b                           | guest:guest@127.0.0.1:5672/a%3Fb",
        "127.0.0.1/exchange=e%3Bx?a b             | guest:guest@127.0.0.1:5672/exchange=e%3Bx?a%20b",
        "127.0.0.1/a/b@c:d                        | guest:guest@127.0.0.1:5672/a/b@c:d",
        "127.0.0.1/caf%C3%A9                      | guest:guest@127.0.0.1:5672/café",
        "[::1]/k                                  | guest:guest@[::1]:5672/k",
        "u:p@[::1]:5999/k                         | u:p@[::1]:5999/k",
        "127.0.0.1:00080/k                        | guest:guest@127.0.0.1:80/k",
    })
    void addressesAreWrittenCanonicallyAndParseBackToThemselves(String text, String canonical) {
        RabbitDestination d = parse(text);

        assertThat(d.address()).isEqualTo(canonical);
        RabbitDestination again = parse(d.address());
        assertThat(again.address()).isEqualTo(canonical);
        assertThat(again.shownAddress()).isEqualTo(d.shownAddress());
        assertThat(again.broker()).isEqualTo(d.broker());
        assertThat(again.routingKey()).isEqualTo(d.routingKey());
        assertThat(again.exchange()).isEqualTo(d.exchange());
    }

    @Test
    void escapesAreDecodedInEveryPart() {
        RabbitDestination d = parse("al%40ice:p%2Fw%3A@127.0.0.1/exchange=e%3F?k%3Fey");

        assertThat(d.broker().user()).isEqualTo("al@ice");
        assertThat(d.broker().password()).isEqualTo("p/w:");
        assertThat(d.exchange()).isEqualTo("e?");
        assertThat(d.routingKey()).isEqualTo("k?ey");
    }

    @Test
    void ipv6HostsAreInBracketsAndResolveToTheirAddress() throws Exception {
        RabbitDestination d = parse("[::1]:5673/k");

        assertThat(d.broker().host()).isEqualTo("[::1]");
        assertThat(d.broker().port()).isEqualTo(5673);
        assertThat(d.inetAddress()).contains(InetAddress.getByName("::1"));
    }

    @Test
    void theShownAddressLeavesOutThePassword() {
        RabbitDestination d = parse("admin:TopSecret@127.0.0.1:5672/exchange=ev?k");

        assertThat(d.address()).contains("TopSecret");
        assertThat(d.shownAddress()).isEqualTo("admin@127.0.0.1:5672/exchange=ev?k").doesNotContain("TopSecret");
        assertThat(d.toString()).doesNotContain("TopSecret");
        assertThat(d.broker().toString()).isEqualTo("admin@127.0.0.1:5672").doesNotContain("TopSecret");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "evi:CANARY1/CANARY2@127.0.0.1/k",
        "evi:CANARY@127.0.0.1:x/k",
        "evi:CANARY@[x]/k",
        "evi:CANARY@bad host/k",
        "evi:CANARY/k",
        "evi:1234/5@nosuch.invalid/k",
    })
    void aRefusalQuotesNoPieceOfThePassword(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> parse(text))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("CANARY", "1234"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                                 | empty RabbitMQ address",
        "127.0.0.1                          | no '/' before the routing key",
        "127.0.0.1/                         | empty routing key",
        "127.0.0.1/exchange=e?              | empty routing key",
        "127.0.0.1/persistent?              | empty routing key",
        "/k                                 | no host",
        "u:p@/k                             | no host",
        "127.0.0.1:/k                       | empty port",
        "127.0.0.1:0/k                      | out of range",
        "127.0.0.1:65536/k                  | out of range",
        "127.0.0.1:99999999999/k            | out of range",
        "127.0.0.1:x1/k                     | is not a number",
        "127.0.0.1:-1/k                     | is not a number",
        "::1/k                              | IPv6 address without brackets",
        "[::1/k                             | missing ']'",
        "[]/k                               | not an IPv6 address in brackets",
        "[127.0.0.1]/k                      | not an IPv6 address in brackets",
        "[::1]x/k                           | unexpected text after ']'",
        "[::1]:/k                           | empty port",
        "@127.0.0.1/k                       | empty user name",
        ":p@127.0.0.1/k                     | empty user name",
        "127.0.0.1/foo?k                    | unknown parameter 'foo'",
        "127.0.0.1/persistentx?k            | unknown parameter 'persistentx'",
        "127.0.0.1/exchange=a;;persistent?k | unknown parameter ''",
        "127.0.0.1/exchange=?k              | empty exchange name",
        "127.0.0.1/exchange=a;exchange=b?k  | 'exchange' given twice",
        "127.0.0.1/persistent;persistent?k  | 'persistent' given twice",
        "127.0.0.1/tls_domain=dom?k         | TLS is not supported yet",
        "127.0.0.1/k%                       | bad %-escape or lone surrogate in the routing key",
        "127.0.0.1/k%zz                     | bad %-escape or lone surrogate in the routing key",
        "127.0.0.1/k%ff                     | bad %-escape or lone surrogate in the routing key",
        "u%4@127.0.0.1/k                    | bad %-escape or lone surrogate in the user name",
        "127.0.0.1/exchange=%?k             | bad %-escape or lone surrogate in the exchange",
        "bad host/k                         | invalid character in the host",
    })
    void badAddressesAreRefusedWithAClearMessage(String text, String reason) {
        assertThatIllegalArgumentException().isThrownBy(() -> parse(text))
                .withMessageContaining(reason);
    }

    @Test
    void loneSurrogatesAreRefusedForTheyHaveNoUtf8Form() {
        assertThatIllegalArgumentException().isThrownBy(() -> parse("127.0.0.1/k\ud800"))
                .withMessageContaining("lone surrogate in the routing key");
        assertThat(parse("127.0.0.1/\ud83d\udcde").routingKey()).isEqualTo("\ud83d\udcde");
    }

    @Test
    void namesLongerThanAnAmqpShortStringAreRefused() {
        String key = "k".repeat(255);
        assertThat(parse("127.0.0.1/" + key).routingKey()).isEqualTo(key);
        assertThatIllegalArgumentException().isThrownBy(() -> parse("127.0.0.1/" + key + "k"))
                .withMessageContaining("routing key longer than 255 bytes");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("127.0.0.1/exchange=" + key + "é?k"))
                .withMessageContaining("exchange longer than 255 bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "admin:TopSecret@127.0.0.1:99999/k",
        "admin:TopSecret@127.0.0.1:x/k",
        "admin:TopSecret@bad host/k",
        "admin:TopSecret@127.0.0.1/",
        "admin:TopSecret@127.0.0.1/nope?k",
        "admin:TopSecret@127.0.0.1/tls_domain=x?k",
        "admin:TopSecret@127.0.0.1",
        "admin:TopSecret@::1/k",
        "admin:Top/Secret@127.0.0.1/k",
        "admin:Top?Secret@127.0.0.1/",
        "admin:TopSecret%zz@127.0.0.1/k",
        "admin:TopSecret@[::1/k",
        "admin:TopSecret@127.0.0.1/k%",
    })
    void refusalsNeverQuoteThePassword(String text) {
        IllegalArgumentException refusal = catchThrowableOfType(IllegalArgumentException.class, () -> parse(text));

        assertThat(refusal).as(text).isNotNull();
        assertThat(refusal.getMessage()).doesNotContain("TopSecret").doesNotContain("Top/Secret")
                .doesNotContain("Top?Secret").contains("admin:***@");
    }
}
