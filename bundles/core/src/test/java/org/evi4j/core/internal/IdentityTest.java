package org.evi4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;

import org.evi4j.api.SubscriberInfo;
import org.evi4j.spi.Destination;
import org.evi4j.spi.EventTransport;
import org.evi4j.spi.SendResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Destination.identity()}: equivalent spellings of a socket are one subscriber (refreshed, found, removed),
 * listed with the text it was first subscribed with, also after a restart, before any event parsed it again.
 */
class IdentityTest {

    @TempDir
    Path dir;

    /** Addresses are words in any order: listed as given, told apart by the sorted words. */
    private static final class WordsTransport implements EventTransport {
        @Override
        public Destination parse(String address) {
            String[] words = address.trim().split(" +");
            Arrays.sort(words);
            String identity = String.join(" ", words);
            return new Destination() {
                @Override
                public String address() {
                    return address;
                }

                @Override
                public String identity() {
                    return identity;
                }
            };
        }

        @Override
        public SendResult send(Destination destination, ByteBuffer payload) {
            return SendResult.SENT;
        }
    }

    private static Fixture withWords() {
        Fixture f = new Fixture();
        f.transports.add(new WordsTransport(), f.props(EventTransport.SCHEME_PROPERTY, "w", 0));
        f.engine.publish("E_A");
        return f;
    }

    @Test
    void anotherSpellingRefreshesFindsAndRemovesTheSubscriberWhichKeepsItsFirstText() {
        Fixture f = withWords();
        f.engine.subscribe("E_A", "w:b a", 100);
        f.engine.subscribe("E_A", "w:a  b", 200);

        assertThat(f.engine.subscribers("E_A")).extracting(SubscriberInfo::socket, SubscriberInfo::expire)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("w:b a", 200));
        assertThat(f.engine.subscriber("E_A", "w:a b")).isPresent();
        assertThat(f.engine.unsubscribe("E_A", "w:  a b")).isTrue();
        assertThat(f.engine.subscribers("E_A")).isEmpty();
    }

    @Test
    void aRestoredSubscriberIsFoundByAnotherSpellingBeforeAnyEvent() {
        Journaled a = new Journaled(dir);
        a.f.transports.add(new WordsTransport(), a.f.props(EventTransport.SCHEME_PROPERTY, "w", 0));
        a.f.engine.publish("E_A");
        a.f.engine.subscribe("E_A", "w:b a", 100);
        a.close();

        Fixture g = withWords();
        g.engine.restore(new JournalLog(dir, g.clock, 0, 10).load());
        assertThat(g.engine.subscriber("E_A", "w:a b")).get().extracting(SubscriberInfo::socket)
                .isEqualTo("w:b a");
        g.engine.subscribe("E_A", "w:a b", 300);
        assertThat(g.engine.subscribers("E_A")).hasSize(1);
    }
}
