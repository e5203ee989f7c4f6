package org.evi4j.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.evi4j.api.Event;
import org.evi4j.spi.EventEncoder;

/** An encoder that counts its calls and writes {@code name:EVENT}, or a payload of a set size. */
final class TestEncoder implements EventEncoder {

    final String name;
    final AtomicInteger calls = new AtomicInteger();
    volatile int size = -1;
    volatile RuntimeException failure;

    TestEncoder(String name) {
        this.name = name;
    }

    @Override
    public byte[] encode(Event event) {
        calls.incrementAndGet();
        if (failure != null) {
            throw failure;
        }
        return size >= 0 ? new byte[size] : (name + ":" + event.name()).getBytes(StandardCharsets.UTF_8);
    }
}
