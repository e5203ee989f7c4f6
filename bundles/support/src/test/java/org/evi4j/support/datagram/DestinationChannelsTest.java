package org.evi4j.support.datagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class DestinationChannelsTest {

    /** A destination that keeps its channel in a slot, as the transports' destinations do. */
    private static final class Dest {
        final ChannelSlot<FakeChannel> slot = new ChannelSlot<>();
    }

    private final List<FakeChannel> opened = new CopyOnWriteArrayList<>();
    private final DestinationChannels<Dest, FakeChannel> channels = new DestinationChannels<>(d -> d.slot, d -> {
        FakeChannel c = new FakeChannel();
        opened.add(c);
        return c;
    });

    @Test
    void opensOneChannelPerDestinationAndHandsItOutAgain() throws Exception {
        Dest a = new Dest();
        Dest b = new Dest();
        FakeChannel first = channels.channelFor(a);
        assertThat(channels.channelFor(a)).isSameAs(first);
        assertThat(channels.channelFor(b)).isNotSameAs(first);
        assertThat(opened).hasSize(2);
        assertThat(channels.openCount()).isEqualTo(2);
    }

    @Test
    void aChannelClosedUnderneathIsReplaced() throws Exception {
        Dest a = new Dest();
        FakeChannel first = channels.channelFor(a);
        first.close();
        assertThat(channels.channelFor(a)).isNotSameAs(first).matches(FakeChannel::isOpen);
    }

    @Test
    void discardLeavesAReplacementAlone() throws Exception {
        Dest a = new Dest();
        FakeChannel dead = channels.channelFor(a);
        channels.discard(a, dead);
        FakeChannel replacement = channels.channelFor(a);
        channels.discard(a, dead);
        assertThat(a.slot.get()).isSameAs(replacement);
        assertThat(replacement.isOpen()).isTrue();
        assertThat(dead.isOpen()).isFalse();
    }

    @Test
    void releaseClosesAndForgets() throws Exception {
        Dest a = new Dest();
        FakeChannel channel = channels.channelFor(a);
        channels.release(a);
        assertThat(channel.isOpen()).isFalse();
        assertThat(a.slot.get()).isNull();
        assertThat(channels.openCount()).isZero();
    }

    @Test
    void closeClosesEveryChannelAndRefusesNewOnes() throws Exception {
        Dest a = new Dest();
        FakeChannel channel = channels.channelFor(a);
        channels.close();
        assertThat(channels.isClosed()).isTrue();
        assertThat(channel.isOpen()).isFalse();
        assertThatThrownBy(() -> channels.channelFor(new Dest())).isInstanceOf(ClosedChannelException.class);
        assertThat(opened).hasSize(1);
    }

    @Test
    void concurrentFirstSendsOpenOneChannel() throws Exception {
        Dest a = new Dest();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<FakeChannel>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return channels.channelFor(a);
                }));
            }
            start.countDown();
            for (Future<FakeChannel> f : results) {
                assertThat(f.get(10, TimeUnit.SECONDS)).isSameAs(a.slot.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(opened).hasSize(1);
    }
}
