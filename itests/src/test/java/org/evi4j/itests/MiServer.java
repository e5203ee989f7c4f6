package org.evi4j.itests;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** An MI datagram server made from a factory configuration of {@code org.evi4j.mi.datagram}; closing deletes it. */
final class MiServer implements AutoCloseable {

    static final String FACTORY_PID = "org.evi4j.mi.datagram";
    /** A request that changes nothing, to see whether the server answers. */
    static final byte[] VERSION_REQUEST = Texts.utf8("{\"jsonrpc\":\"2.0\",\"method\":\"version\",\"id\":1}");
    /** The whole reply to {@link #VERSION_REQUEST}. */
    static final String VERSION_REPLY =
            "\\{\"jsonrpc\":\"2\\.0\",\"result\":\\{\"Server\":\"evi4j \\([^\"]*\\)\"\\},\"id\":1\\}";

    private static final int PING_MILLIS = 200;

    private final Configuration configuration;
    private volatile String socketName;

    private MiServer(Configuration configuration, String socketName) {
        this.configuration = configuration;
        this.socketName = socketName;
    }

    /** Creates the configuration (location null: bound to whichever bundle consumes the factory PID). */
    static MiServer start(ConfigurationAdmin configurationAdmin, String socketName) throws IOException {
        return start(configurationAdmin, socketName, Map.of());
    }

    /** As {@link #start(ConfigurationAdmin, String)}, with more properties ({@code socket_timeout}, ...). */
    static MiServer start(ConfigurationAdmin configurationAdmin, String socketName, Map<String, Object> more)
            throws IOException {
        Configuration configuration = configurationAdmin.createFactoryConfiguration(FACTORY_PID, null);
        Dictionary<String, Object> properties = new Hashtable<>(more);
        properties.put("socket_name", socketName);
        configuration.update(properties);
        return new MiServer(configuration, socketName);
    }

    /**
     * A {@code udp:127.0.0.1:PORT} socket name with a port that was free a moment ago. The server's bound port is
     * not published anywhere a test could read it, so port 0 cannot be used for MI sockets here.
     */
    static String freeUdpSocketName() throws IOException {
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))) {
            return "udp:127.0.0.1:" + probe.getLocalPort();
        }
    }

    String socketName() {
        return socketName;
    }

    /** Updates the configuration to another socket: the server is to rebind. */
    void moveTo(String newSocketName) throws IOException {
        Dictionary<String, Object> properties = configuration.getProperties();
        properties.put("socket_name", newSocketName);
        configuration.update(properties);
        socketName = newSocketName;
    }

    /** Waits until the server answers a {@code version} request sent from {@code client} (bounded). */
    void awaitAnswer(DatagramPeer client) {
        Await.until("an answer from the MI socket " + socketName, () -> answers(client));
        try {
            // replies to pings sent before this one may still come: take them so the client starts clean
            while (client.receive(PING_MILLIS) != null) {
                continue;
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private boolean answers(DatagramPeer client) {
        try {
            client.sendTo(socketName, VERSION_REQUEST);
            return client.receive(PING_MILLIS) != null;
        } catch (IOException e) {
            // a UNIX socket file that does not exist yet: try again
            return false;
        }
    }

    /**
     * The names of the live MI reader threads ({@code evi4j-mi-<socket_name>-<n>}) of a socket, sorted; of every
     * MI socket for {@code ""}.
     */
    static List<String> readerThreads(String socketName) {
        String prefix = "evi4j-mi-" + socketName + (socketName.isEmpty() ? "" : "-");
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith(prefix)).sorted().collect(Collectors.toList());
    }

    /** Deletes the configuration, which stops the server. */
    @Override
    public void close() throws IOException {
        configuration.delete();
    }
}
