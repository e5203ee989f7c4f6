package org.evi4j.mi.internal;

import java.util.List;

import org.evi4j.mi.MiCommand;
import org.evi4j.mi.MiNode;
import org.evi4j.mi.MiParams;
import org.evi4j.mi.MiResponse;
import org.evi4j.mi.MiValue;
import org.osgi.service.component.annotations.Component;

/**
 * {@code ps}: evi4j runs in one process, the JVM, so that is the one listed ({@code Process::  ID=0 PID=.. Type=..}
 * in the legacy text).
 */
@Component(property = {MiCommand.NAME_PROPERTY + "=ps", MiCommand.NAME_PROPERTY + "=core:ps"})
public final class PsCommand implements MiCommand {

    static final String TYPE = "evi4j JVM";

    private final MiResponse response;

    public PsCommand() {
        this(ProcessHandle.current().pid());
    }

    PsCommand(long pid) {
        MiValue process = MiValue.object().put("ID", 0).put("PID", pid).put("Type", TYPE).build();
        MiValue result = MiValue.object().put("Processes", MiValue.array(List.of(process))).build();
        List<MiNode> legacy = List.of(MiNode.builder("Process")
                .attribute("ID", "0").attribute("PID", Long.toString(pid)).attribute("Type", TYPE).build());
        response = MiResponse.of(result, () -> legacy);
    }

    @Override
    public List<List<String>> recipes() {
        return List.of(List.of());
    }

    @Override
    public String help() {
        return "lists all processes used by evi4j";
    }

    @Override
    public MiResponse execute(MiParams params) {
        return response;
    }
}
