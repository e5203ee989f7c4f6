package org.evi4j.testkit;

import java.io.PrintStream;

/**
 * The entry point of {@link KafkaBroker}'s child JVM: formats the broker's storage (keeping it when formatted
 * already, so that a restart finds its topics) and runs the broker, in one JVM. Reached by reflection only: the
 * broker is on the child's class path, never on a test's.
 */
public final class KafkaMain {

    private KafkaMain() {
    }

    /** @param args the cluster id and the {@code server.properties} file */
    public static void main(String[] args) throws Exception {
        Object rc = Class.forName("kafka.tools.StorageTool").getMethod("execute", String[].class, PrintStream.class)
                .invoke(null, new String[] {"format", "-t", args[0], "-c", args[1], "--ignore-formatted"},
                        System.out);
        if (!Integer.valueOf(0).equals(rc)) {
            System.exit(1);
        }
        Class.forName("kafka.Kafka").getMethod("main", String[].class).invoke(null, (Object) new String[] {args[1]});
    }
}
