package org.evi4j.eventadmin.internal;

/**
 * The thread that raises bridged events. The outbound direction recognises it by its class: an event raised on it
 * came from EventAdmin and must not go back there.
 */
final class BridgeThread extends Thread {

    BridgeThread(Runnable task, String name) {
        super(task, name);
        setDaemon(true);
    }

    /** Whether the caller runs on a bridge thread. */
    static boolean current() {
        return Thread.currentThread() instanceof BridgeThread;
    }
}
