package org.evi4j.transport.flatstore.internal;

import java.util.List;

import org.evi4j.api.Event;
import org.evi4j.api.EventInfo;
import org.evi4j.api.EventInterface;
import org.evi4j.api.EventParam;
import org.evi4j.mi.MiCommand;
import org.evi4j.mi.MiException;
import org.evi4j.mi.MiParams;
import org.evi4j.mi.MiResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code evi_flat_rotate path_to_file}: after logrotate renamed a file, closes it so that the next event creates it
 * again, and raises {@code E_FLATSTORE_ROTATION}, as OpenSIPS does. The path must be a subscribed one, exactly.
 */
@Component(service = MiCommand.class, property = MiCommand.NAME_PROPERTY + "=evi_flat_rotate")
public final class FlatRotateCommand implements MiCommand {

    /** The event raised at each rotation, with four string parameters. */
    static final String ROTATION_EVENT = "E_FLATSTORE_ROTATION";
    private static final String PATH = "path_to_file";
    private static final String SCHEME = "flatstore:";

    private final EventInterface evi;
    private final FlatstoreTransport transport;

    @Activate
    public FlatRotateCommand(@Reference(policyOption = ReferencePolicyOption.GREEDY) EventInterface evi,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) FlatstoreTransport transport) {
        this.evi = evi;
        this.transport = transport;
        evi.publish(ROTATION_EVENT);
    }

    @Override
    public List<List<String>> recipes() {
        return List.of(List.of(PATH));
    }

    @Override
    public String help() {
        return "rotates the files the module dumps events into";
    }

    @Override
    public String exportedBy() {
        return "event_flatstore";
    }

    @Override
    public MiResponse execute(MiParams params) throws MiException {
        String path = params.string(PATH);
        boolean open = transport.rotate(path);
        if (!open && !subscribed(path)) {
            throw new MiException(400, "File not found");
        }
        if (evi.hasSubscribers(ROTATION_EVENT)) {
            String now = Long.toString(System.currentTimeMillis() / 1000);
            evi.raise(Event.of(ROTATION_EVENT, EventParam.of("timestamp", now), EventParam.of("reason", "mi"),
                    EventParam.of("filename", path), EventParam.of("old_filename", path)));
        }
        return MiResponse.ok();
    }

    private boolean subscribed(String path) {
        String socket = SCHEME + path;
        for (EventInfo event : evi.events()) {
            if (evi.subscribers(event.name()).stream().anyMatch(s -> s.socket().equals(socket))) {
                return true;
            }
        }
        return false;
    }
}
