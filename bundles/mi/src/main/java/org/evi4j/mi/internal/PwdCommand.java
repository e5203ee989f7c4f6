package org.evi4j.mi.internal;

import java.nio.file.Paths;
import java.util.List;

import org.evi4j.mi.MiCommand;
import org.evi4j.mi.MiParams;
import org.evi4j.mi.MiResponse;
import org.evi4j.mi.MiValue;
import org.osgi.service.component.annotations.Component;

/** {@code pwd}: {@code {"WD":<the working directory>}}. */
@Component(property = {MiCommand.NAME_PROPERTY + "=pwd", MiCommand.NAME_PROPERTY + "=core:pwd"})
public final class PwdCommand implements MiCommand {

    @Override
    public List<List<String>> recipes() {
        return List.of(List.of());
    }

    @Override
    public String help() {
        return "prints the working directory of evi4j";
    }

    @Override
    public MiResponse execute(MiParams params) {
        return MiResponse.of(MiValue.object().put("WD", Paths.get("").toAbsolutePath().toString()).build());
    }
}
