package org.evi4j.mi.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.evi4j.mi.MiCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A command as the dispatcher knows it: its names (the first is the one {@code which} lists) from the service
 * properties, and the service with its recipes, got the first time the command is asked for. Getting it late keeps
 * the dispatcher from activating every command when they bind, which would be a cycle for the commands that
 * list the others ({@code which}, {@code help}).
 */
public final class Registration {

    private static final Logger LOG = LoggerFactory.getLogger(Registration.class);

    private final List<String> names;
    private final long serviceId;
    private final Supplier<MiCommand> locator;
    private volatile MiCommand command;
    private volatile List<List<String>> recipes;

    Registration(List<String> names, long serviceId, Supplier<MiCommand> locator) {
        this.names = List.copyOf(names);
        this.serviceId = serviceId;
        this.locator = locator;
    }

    /** The names from {@code mi.command}, first the listed one. */
    public List<String> names() {
        return names;
    }

    /** The name {@code which} lists. */
    public String name() {
        return names.get(0);
    }

    /** Whether an MI server's policy allows this command: it judges the name {@code which} lists, aliases too. */
    boolean allowedBy(Predicate<String> allowed) {
        return allowed.test(name());
    }

    long serviceId() {
        return serviceId;
    }

    /**
     * Gets the service and its recipes, once.
     *
     * @return false when the service cannot be had (going away, failed to activate, bad recipes)
     */
    boolean resolve() {
        if (recipes != null) {
            return true;
        }
        synchronized (this) {
            if (recipes == null) {
                try {
                    MiCommand c = locator.get();
                    if (c == null) {
                        return false;
                    }
                    List<List<String>> r = copy(c.recipes());
                    command = c;
                    recipes = r;
                } catch (RuntimeException e) {
                    LOG.warn("MI command {} cannot be used: its service or its recipes failed", names, e);
                    return false;
                }
            }
            return true;
        }
    }

    /** The service; only after {@link #resolve()} succeeded. */
    public MiCommand command() {
        return command;
    }

    /** Its parameter lists; only after {@link #resolve()} succeeded. */
    public List<List<String>> recipes() {
        return recipes;
    }

    /** Whether the command takes no parameters at all ({@code [[]]}): legacy requests skip argument parsing. */
    public boolean noInput() {
        return recipes.size() == 1 && recipes.get(0).isEmpty();
    }

    private static List<List<String>> copy(List<List<String>> recipes) {
        List<List<String>> copy = new ArrayList<>(recipes.size());
        for (List<String> recipe : recipes) {
            copy.add(List.copyOf(recipe));
        }
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("no recipes");
        }
        return List.copyOf(copy);
    }
}
