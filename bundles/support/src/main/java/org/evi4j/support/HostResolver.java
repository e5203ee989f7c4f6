package org.evi4j.support;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Resolves host names on its own small thread pool and waits a bounded time, so that a slow or hostile resolver
 * stalls neither an MI reader thread nor a producer: past the timeout, or with too many look-ups waiting, the
 * name is refused. IPv6 literals (which never ask DNS) are parsed on the caller's thread. Owned by one component
 * and closed with it: no thread outlives it.
 */
public final class HostResolver implements AutoCloseable {

    /** The default wait for one look-up. */
    public static final long DEFAULT_TIMEOUT_MILLIS = 2000;
    private static final int THREADS = 2;
    private static final int WAITING = 16;

    private final ThreadPoolExecutor executor;
    private final long timeoutMillis;

    /** @param name names the pool's threads ({@code evi4j-resolver-NAME}) */
    public HostResolver(String name, long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
        this.executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(WAITING), r -> {
                    Thread t = new Thread(r, "evi4j-resolver-" + name);
                    t.setDaemon(true);
                    return t;
                });
        executor.allowCoreThreadTimeOut(true);
    }

    /**
     * The address of a host name or literal ({@code [v6]} in brackets is a literal).
     *
     * @throws IllegalArgumentException with a message fit for the user when it does not resolve in time
     */
    public InetAddress resolve(String host) {
        if (host.indexOf(':') >= 0) {
            return lookUp(host);
        }
        Future<InetAddress> answer;
        try {
            answer = executor.submit(() -> lookUp(host));
        } catch (RejectedExecutionException e) {
            throw new IllegalArgumentException("host '" + LogText.escape(host)
                    + "' not resolved: too many host name look-ups are waiting");
        }
        try {
            return answer.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new IllegalArgumentException("host '" + LogText.escape(host) + "' did not resolve within "
                    + timeoutMillis + " ms");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IllegalArgumentException iae ? iae
                    : new IllegalArgumentException("host '" + LogText.escape(host) + "' does not resolve", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException("interrupted while resolving '" + LogText.escape(host) + "'");
        }
    }

    private static InetAddress lookUp(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("host '" + LogText.escape(host) + "' does not resolve", e);
        }
    }

    /** Stops the pool; a look-up under way is abandoned. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
