package org.evi4j.transport.flatstore.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.evi4j.api.Event;
import org.evi4j.api.EventParam;
import org.evi4j.mi.MiException;
import org.evi4j.mi.MiParams;
import org.evi4j.mi.MiValue;
import org.evi4j.testkit.InMemoryEventInterface;
import org.evi4j.testkit.RecordingReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** evi_flat_rotate: OpenSIPS's recipe, help, replies and E_FLATSTORE_ROTATION with its four string params. */
class FlatRotateCommandTest {

    @TempDir
    Path folder;
    private FlatstoreTransport transport;

    @AfterEach
    void stop() throws InterruptedException {
        transport.deactivate();
    }

    @Test
    void rotatesASubscribedPathAndRaisesTheRotationEvent() throws Exception {
        transport = Flat.transport(folder);
        InMemoryEventInterface evi = new InMemoryEventInterface();
        FlatRotateCommand command = new FlatRotateCommand(evi, transport);
        assertThat(evi.published()).contains("E_FLATSTORE_ROTATION");
        assertThat(command.recipes()).isEqualTo(List.of(List.of("path_to_file")));
        assertThat(command.help()).isEqualTo("rotates the files the module dumps events into");
        assertThat(command.exportedBy()).isEqualTo("event_flatstore");

        String path = folder.resolve("v2.log").toString();
        var destination = transport.parse(path, new RecordingReport());
        transport.send(destination, new LineEvent(Event.of("E")));
        command.execute(params(path));
        assertThat(evi.raised()).as("raised only when it has subscribers").isEmpty();

        evi.subscribe("E_FLATSTORE_ROTATION", "udp:127.0.0.1:9722");
        assertThat(command.execute(params(path)).result()).isEqualTo(MiValue.of("OK"));
        Event raised = evi.raised().get(0);
        assertThat(raised.name()).isEqualTo("E_FLATSTORE_ROTATION");
        assertThat(raised.params()).extracting(EventParam::name)
                .containsExactly("timestamp", "reason", "filename", "old_filename");
        assertThat(raised.params()).allMatch(p -> p.type() == EventParam.Type.STRING);
        assertThat(raised.params().get(0).stringValue()).matches("[0-9]{10}");
        assertThat(raised.params().subList(1, 4)).extracting(EventParam::stringValue)
                .containsExactly("mi", path, path);
    }

    @Test
    void anUnknownPathIsFileNotFound() {
        transport = Flat.transport(folder);
        FlatRotateCommand command = new FlatRotateCommand(new InMemoryEventInterface(), transport);
        assertThatThrownBy(() -> command.execute(params(folder.resolve("other.log").toString())))
                .isInstanceOfSatisfying(MiException.class, e -> assertThat(e.code()).isEqualTo(400))
                .hasMessage("File not found");
    }

    private static MiParams params(String path) {
        return new MiParams() {
            @Override
            public List<String> recipe() {
                return List.of("path_to_file");
            }

            @Override
            public boolean has(String name) {
                return name.equals("path_to_file");
            }

            @Override
            public MiValue value(String name) {
                return MiValue.of(path);
            }

            @Override
            public String string(String name) {
                return path;
            }

            @Override
            public int integer(String name) throws MiException {
                throw MiException.badType(name);
            }
        };
    }
}
