package org.evi4j.launcher.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.evi4j.launcher.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import picocli.CommandLine;

@Timeout(30)
class MiCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void sendsJsonRpcAndPrintsThePrettyResult() throws Exception {
        try (FakeMiServer server = FakeMiServer.udp(r -> "{\"jsonrpc\":\"2.0\",\"result\":{\"Server\":\"evi4j (x)\"},\"id\":1}")) {
            int status = run("mi", "--socket", server.socket().toString(), "version");
            assertThat(status).isZero();
            assertThat(server.requests).containsExactly("{\"jsonrpc\":\"2.0\",\"method\":\"version\",\"id\":1}");
            assertThat(out.toString()).isEqualTo("{\n  \"Server\" : \"evi4j (x)\"\n}\n");
        }
    }

    @Test
    void argumentsAfterTheCommandAreItsOwnEvenWithDashes() throws Exception {
        try (FakeMiServer server = FakeMiServer.udp(FakeMiServer::ok)) {
            assertThat(run("mi", "--socket", server.socket().toString(), "raise_event", "E_DEMO", "-5")).isZero();
            assertThat(server.requests.get(0)).contains("\"params\":[\"E_DEMO\",\"-5\"]");
            assertThat(out.toString()).isEqualTo("OK\n");
        }
    }

    @Test
    void errorReplyExitsOneWithTheMessageOnStderr() throws Exception {
        try (FakeMiServer server = FakeMiServer.udp(
                r -> "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":404,\"message\":\"Event not published\"},\"id\":1}")) {
            assertThat(run("mi", "--socket", server.socket().toString(), "raise_event", "E_NOPE")).isEqualTo(1);
            assertThat(err.toString()).isEqualTo("error 404: Event not published\n");
            assertThat(out.toString()).isEmpty();
        }
    }

    @Test
    void noReplyWithinTheTimeoutExitsThree() throws Exception {
        try (FakeMiServer server = FakeMiServer.udp(r -> null)) {
            assertThat(run("mi", "--socket", server.socket().toString(), "--timeout", "200", "version")).isEqualTo(3);
            assertThat(err.toString()).contains("no reply from " + server.socket() + " within 200 ms");
        }
    }

    @Test
    void nothingListeningExitsThree() throws Exception {
        int port;
        try (DatagramSocket probe = new DatagramSocket(0)) {
            port = probe.getLocalPort();
        }
        assertThat(run("mi", "--socket", "udp:127.0.0.1:" + port, "--timeout", "2000", "version")).isEqualTo(3);
        assertThat(err.toString()).isNotEmpty();
    }

    @Test
    void badSocketIsAUsageError() {
        assertThat(run("mi", "--socket", "tcp:1.2.3.4:5", "version")).isEqualTo(2);
        assertThat(err.toString()).contains("socket 'tcp:1.2.3.4:5'");
    }

    @Test
    void legacyOverUnixPrintsTheRawReplyAndRemovesItsReplySocket() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "mi");
        try (FakeMiServer server = FakeMiServer.unix(dir.resolve("mi.sock"), r -> "200 OK\nServer:: evi4j (x)\n\n")) {
            assertThat(run("mi", "--socket", server.socket().toString(), "--legacy", "version")).isZero();
            assertThat(server.requests).containsExactly(":version:\n");
            assertThat(out.toString()).isEqualTo("200 OK\nServer:: evi4j (x)\n");
        } finally {
            Files.deleteIfExists(dir);
        }
        assertThat(leftoverReplySockets()).isEmpty();
    }

    @Test
    void legacyErrorExitsOne() throws Exception {
        try (FakeMiServer server = FakeMiServer.udp(r -> "500 command not available\n")) {
            assertThat(run("mi", "--socket", server.socket().toString(), "--legacy", "nosuch")).isEqualTo(1);
            assertThat(err.toString()).isEqualTo("error 500 command not available\n");
        }
    }

    private static Stream<Path> leftoverReplySockets() throws Exception {
        String prefix = "evi4j-cli-" + ProcessHandle.current().pid() + "-";
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)).toList().stream();
        }
    }
}
