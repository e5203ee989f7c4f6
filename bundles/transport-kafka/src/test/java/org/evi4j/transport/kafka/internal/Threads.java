package org.evi4j.transport.kafka.internal;

import java.util.List;

/** The live threads of this JVM, by name. */
final class Threads {

    private Threads() {
    }

    static List<String> named(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith(prefix)).toList();
    }
}
