package org.evi4j.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ByteBoundedQueueTest {

    private final ByteBoundedQueue<String> queue = new ByteBoundedQueue<>(10, String::length);

    @Test
    void holdsUpToItsBytesAndRefusesWhatDoesNotFit() {
        assertThat(queue.offer("aaaa")).isTrue();
        assertThat(queue.offer("bbbbb")).isTrue();
        assertThat(queue.offer("cc")).as("11 bytes").isFalse();
        assertThat(queue.offer("d")).as("exactly 10").isTrue();
        assertThat(queue.bytes()).isEqualTo(10);
        assertThat(queue.size()).isEqualTo(3);
    }

    @Test
    void anItemHeavierThanTheBoundIsRefusedEvenWhenEmpty() {
        assertThat(queue.offer("12345678901")).isFalse();
        assertThat(queue.size()).isZero();
    }

    @Test
    void drainedInBatchesOldestFirstItemsCountUntilReleased() throws InterruptedException {
        queue.offer("a");
        queue.offer("bb");
        queue.offer("ccc");
        List<String> into = new ArrayList<>();
        assertThat(queue.drainTo(into, 2, 0, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(into).containsExactly("a", "bb");
        assertThat(queue.size()).isEqualTo(1);
        assertThat(queue.bytes()).isEqualTo(6);
        assertThat(queue.offer("12345")).as("taken items still count").isFalse();
        queue.release("a");
        queue.release("bb");
        assertThat(queue.bytes()).isEqualTo(3);
        assertThat(queue.offer("1234567")).isTrue();
        assertThat(queue.drainTo(into)).isEqualTo(2);
        assertThat(into).containsExactly("a", "bb", "ccc", "1234567");
        assertThat(queue.size()).isZero();
        into.subList(2, 4).forEach(queue::release);
        assertThat(queue.bytes()).isZero();
    }

    @Test
    void anEmptyQueueAnswersNothingAfterTheTimeout() throws InterruptedException {
        assertThat(queue.drainTo(new ArrayList<>(), 5, 10, TimeUnit.MILLISECONDS)).isZero();
    }

    @Test
    void aWaitingTakerGetsTheNextOffer() throws Exception {
        List<String> into = new ArrayList<>();
        Thread taker = new Thread(() -> {
            try {
                queue.drainTo(into, 5, 30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        taker.start();
        queue.offer("x");
        taker.join(30_000);
        assertThat(into).containsExactly("x");
    }

    @Test
    void anItemTakenBackFreesItsBytes() {
        String item = new String("abc");
        queue.offer(item);
        assertThat(queue.remove(item)).isTrue();
        assertThat(queue.remove(item)).isFalse();
        assertThat(queue.bytes()).isZero();
    }

    @Test
    void theBoundMustBePositive() {
        assertThatThrownBy(() -> new ByteBoundedQueue<String>(0, String::length))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
