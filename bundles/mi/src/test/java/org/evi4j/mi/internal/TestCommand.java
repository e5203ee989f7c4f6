package org.evi4j.mi.internal;

import java.util.List;

import org.evi4j.mi.MiCommand;
import org.evi4j.mi.MiException;
import org.evi4j.mi.MiParams;
import org.evi4j.mi.MiResponse;

/** A command for tests: fixed recipes, behaviour given as a lambda; remembers the last parameters. */
final class TestCommand implements MiCommand {

    /** What the command does. */
    interface Body {
        MiResponse run(MiParams params) throws MiException;
    }

    private final List<List<String>> recipes;
    private final Body body;
    volatile MiParams last;

    TestCommand(List<List<String>> recipes, Body body) {
        this.recipes = recipes;
        this.body = body;
    }

    @Override
    public List<List<String>> recipes() {
        return recipes;
    }

    @Override
    public String help() {
        return "a test command";
    }

    @Override
    public String exportedBy() {
        return "test";
    }

    @Override
    public MiResponse execute(MiParams params) throws MiException {
        last = params;
        return body.run(params);
    }
}
