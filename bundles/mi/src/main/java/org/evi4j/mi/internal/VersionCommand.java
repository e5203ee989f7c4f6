package org.evi4j.mi.internal;

import java.util.List;

import org.evi4j.mi.MiCommand;
import org.evi4j.mi.MiParams;
import org.evi4j.mi.MiResponse;
import org.evi4j.mi.MiValue;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** {@code version}: {@code {"Server":"evi4j (<bundle version>)"}}. */
@Component(property = {MiCommand.NAME_PROPERTY + "=version", MiCommand.NAME_PROPERTY + "=core:version"})
public final class VersionCommand implements MiCommand {

    private final MiResponse response;

    @Activate
    public VersionCommand(BundleContext context) {
        this(context.getBundle().getVersion().toString());
    }

    public VersionCommand(String version) {
        response = MiResponse.of(MiValue.object().put("Server", "evi4j (" + version + ")").build());
    }

    @Override
    public List<List<String>> recipes() {
        return List.of(List.of());
    }

    @Override
    public String help() {
        return "prints the version string of the running evi4j";
    }

    @Override
    public MiResponse execute(MiParams params) {
        return response;
    }
}
