package org.evi4j.mi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.util.List;

import org.evi4j.mi.MiResponse;
import org.evi4j.mi.MiValue;
import org.junit.jupiter.api.Test;

/** The core commands' JSON-RPC and legacy shapes, as OpenSIPS's (OPENSIPS-REFERENCE 4.4, 5.6). */
class CoreCommandsTest {

    private final Harness h = Harness.withCoreCommands();

    private String json(String method, String params) {
        String reply = h.call("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\""
                + (params == null ? "" : ",\"params\":" + params) + ",\"id\":1}");
        assertThat(reply).startsWith("{\"jsonrpc\":\"2.0\",").endsWith(",\"id\":1}");
        return reply.substring(17, reply.length() - 8);
    }

    @Test
    void version() {
        assertThat(json("version", null)).isEqualTo("\"result\":{\"Server\":\"evi4j (1.2.3)\"}");
        assertThat(json("core:version", null)).isEqualTo("\"result\":{\"Server\":\"evi4j (1.2.3)\"}");
        assertThat(h.call(":version:\n")).isEqualTo("200 OK\nServer:: evi4j (1.2.3)\n\n");
    }

    @Test
    void uptimeWritesDatesAsCtime() {
        assertThat(json("uptime", null)).isEqualTo("\"result\":{\"Now\":\"Mon Nov 23 16:43:26 2026\","
                + "\"Up since\":\"Mon Nov 23 16:43:20 2026\",\"Up time\":\"6 [sec]\"}");
        assertThat(h.call(":uptime:\n")).isEqualTo("200 OK\nNow:: Mon Nov 23 16:43:26 2026\n"
                + "Up since:: Mon Nov 23 16:43:20 2026\nUp time:: 6 [sec]\n\n");
        assertThat(UptimeCommand.CTIME.format(LocalDateTime.of(2026, 11, 3, 6, 5, 4))).isEqualTo("Tue Nov  3 06:05:04 2026");
    }

    @Test
    void psListsTheJvm() {
        assertThat(json("ps", "[]")).isEqualTo("\"result\":{\"Processes\":[{\"ID\":0,\"PID\":4242,\"Type\":\"evi4j JVM\"}]}");
        assertThat(h.call(":ps:\n")).isEqualTo("200 OK\nProcess::  ID=0 PID=4242 Type=evi4j JVM\n\n");
        assertThat(json("ps", "[1]")).contains("Too few or too many parameters");
    }

    @Test
    void theRealPsShowsThisProcess() {
        assertThat(new PsCommand().execute(null).result().get("Processes").elements().get(0).get("PID").asLong())
                .isEqualTo(ProcessHandle.current().pid());
    }

    @Test
    void pwdAndArg() {
        String wd = Paths.get("").toAbsolutePath().toString();
        assertThat(json("pwd", null)).isEqualTo("\"result\":{\"WD\":\"" + wd.replace("\\", "\\\\") + "\"}");
        assertThat(h.call(":pwd:\n")).isEqualTo("200 OK\nWD:: " + wd + "\n\n");
        assertThat(json("arg", null)).isEqualTo("\"result\":[\"java\",\"-jar\",\"evi4j.jar\"]");
        assertThat(h.call(":arg:\n")).isEqualTo("200 OK\njava\n-jar\nevi4j.jar\n\n");
        MiResponse real = new ArgCommand().execute(null);
        assertThat(real.result().elements()).isNotEmpty();
    }

    @Test
    void argNeverShowsSystemPropertyValuesOrSecretOptions() {
        List<String> shown = ArgCommand.masked(List.of("/usr/bin/java", "-Xmx512m",
                "-Djavax.net.ssl.keyStorePassword=CANARY", "-Devi4j.data=/var/lib/evi4j", "-jar", "evi4j.jar", "run",
                "--etc", "/etc/evi4j", "--broker-password=CANARY", "--api-token", "CANARY", "--log-level", "debug"));
        assertThat(shown).containsExactly("/usr/bin/java", "-Xmx512m", "-Djavax.net.ssl.keyStorePassword=***",
                "-Devi4j.data=***", "-jar", "evi4j.jar", "run", "--etc", "/etc/evi4j", "--broker-password=***",
                "--api-token", "***", "--log-level", "debug");
        assertThat(new ArgCommand(List.of("java", "-Dpw=CANARY")).execute(null).result().elements())
                .extracting(MiValue::asString).doesNotContain("-Dpw=CANARY").contains("-Dpw=***");
    }

    @Test
    void whichListsFirstNamesInRegistrationOrder() {
        assertThat(json("which", null)).isEqualTo("\"result\":[\"which\",\"help\",\"version\",\"uptime\",\"ps\","
                + "\"pwd\",\"arg\",\"get_statistics\",\"list_statistics\",\"reset_statistics\"]");
        assertThat(h.call(":which:\n")).isEqualTo("200 OK\nwhich\nhelp\nversion\nuptime\nps\npwd\narg\n"
                + "get_statistics\nlist_statistics\nreset_statistics\n\n");
    }

    @Test
    void whichWithACommandListsItsRecipes() {
        assertThat(json("which", "[\"help\"]")).isEqualTo("\"result\":[[],[\"mi_cmd\"]]");
        assertThat(json("core:which", "{\"command\":\"statistics:get\"}")).isEqualTo("\"result\":[[\"statistics\"]]");
        assertThat(h.call(":which:\nhelp\n")).isEqualTo("200 OK\n[]\n[\"mi_cmd\"]\n\n");
        assertThat(json("which", "[\"nosuch\"]")).isEqualTo("\"error\":{\"code\":404,\"message\":\"unknown MI command\"}");
        assertThat(h.call(":which:\nnosuch\n")).isEqualTo("404 unknown MI command\n\n");
    }

    @Test
    void whichWithAModulePrefixListsItsNames() {
        assertThat(json("which", "[\"statistics:\"]"))
                .isEqualTo("\"result\":[\"statistics:get\",\"statistics:list\",\"statistics:reset\"]");
        assertThat(json("which", "[\"evi:\"]")).isEqualTo("\"error\":{\"code\":404,\"message\":\"unknown MI command\"}");
    }

    @Test
    void help() {
        assertThat(json("help", null)).isEqualTo("\"result\":\"Usage: help mi_cmd - returns information about 'mi_cmd'\"");
        assertThat(h.call(":help:\n")).isEqualTo("200 OK\nUsage:: help mi_cmd - returns information about 'mi_cmd'\n\n");
        assertThat(json("help", "[\"ps\"]"))
                .isEqualTo("\"result\":{\"Help\":\"lists all processes used by evi4j\",\"Exported by\":\"core\"}");
        assertThat(h.call(":help:\ncore:ps\n"))
                .isEqualTo("200 OK\nHelp:: lists all processes used by evi4j\nExported by:: core\n\n");
        assertThat(json("help", "{\"mi_cmd\":\"nosuch\"}")).isEqualTo("\"error\":{\"code\":404,\"message\":\"unknown MI command\"}");
        assertThat(json("help", "[\"\"]")).contains("Bad type for parameter 'mi_cmd'");
    }

    @Test
    void everyCoreCommandHasHelpAndNoParametersUnlessNeeded() {
        for (Registration listed : h.dispatcher.commands()) {
            Registration r = h.dispatcher.lookup(listed.name());
            assertThat(r.command().help()).as(r.name()).isNotBlank();
            assertThat(r.names()).as(r.name()).hasSize(2);
        }
        assertThat(h.dispatcher.commands().stream().map(r -> h.dispatcher.lookup(r.name()))
                .filter(Registration::noInput).map(Registration::name))
                .containsExactly("version", "uptime", "ps", "pwd", "arg");
        assertThat(List.of("which", "help", "get_statistics")).allMatch(n -> !h.dispatcher.lookup(n).noInput());
    }
}
