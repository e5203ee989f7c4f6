package org.evi4j.api;

/**
 * A published event as listed by {@link EventInterface#events()}.
 *
 * @param name   the event name
 * @param id     its id: the index in publish order, from 0
 * @param raised how many times it was raised since start (or the last statistics reset)
 */
public record EventInfo(String name, int id, long raised) {
}
