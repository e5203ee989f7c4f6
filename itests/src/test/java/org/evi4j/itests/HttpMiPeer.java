package org.evi4j.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An MI client over HTTP shaped as a {@link DatagramPeer}, so that {@link MiSequence} runs the MI vectors over HTTP
 * unchanged: each "datagram" is one POST (java.net.http, keep-alive), a 200's body is the reply, a 202 is no reply.
 * Any other status fails the exchange.
 */
final class HttpMiPeer implements DatagramPeer {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI uri;
    private final BlockingQueue<byte[]> replies = new LinkedBlockingQueue<>();

    HttpMiPeer(URI uri) {
        this.uri = uri;
    }

    @Override
    public String socketString() {
        return uri.toString();
    }

    @Override
    public void sendTo(String socketString, byte[] datagram) throws IOException {
        HttpResponse<byte[]> response = post(URI.create(socketString), datagram);
        if (response.statusCode() == 200) {
            replies.add(response.body());
        } else if (response.statusCode() != 202 || response.body().length != 0) {
            throw new IOException("POST " + socketString + " answered " + response.statusCode() + " "
                    + Texts.show(response.body()));
        }
    }

    HttpResponse<byte[]> post(URI target, byte[] body) throws IOException {
        try {
            return client.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public byte[] receive(int timeoutMillis) throws IOException {
        try {
            return replies.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() {
        replies.clear();
    }
}
