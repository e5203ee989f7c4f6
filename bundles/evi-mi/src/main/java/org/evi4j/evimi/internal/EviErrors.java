package org.evi4j.evimi.internal;

import org.evi4j.mi.MiException;

/** The command errors of OpenSIPS's EVI MI commands, with their exact codes and texts. */
final class EviErrors {

    private EviErrors() {
    }

    /** A refused subscription: 400 {@code Bad parameter value}; legacy {@code 400 Bad parameter}. */
    static MiException badParameterValue() {
        return new MiException(400, "Bad parameter value", null, 400, "Bad parameter");
    }

    /**
     * A change that could not be made durable (an evi4j error: OpenSIPS keeps subscriptions in memory only):
     * -32000 {@code Server error} with {@code data} saying why; legacy {@code 500 Subscription not saved}.
     */
    static MiException notSaved(String why) {
        return new MiException(MiException.SERVER_ERROR, "Server error", why, 500, "Subscription not saved");
    }

    /** An empty argument of a legacy request reads as a missing one, as in OpenSIPS 2.4. */
    static MiException badType(String parameter) {
        return MiException.badType(parameter).withLegacy(400, "Too few or too many arguments");
    }

    static MiException eventNotPublished() {
        return new MiException(404, "Event not published");
    }

    static MiException subscriberDoesNotExist() {
        return new MiException(404, "Subscriber does not exist");
    }

    static MiException eventNotRegistered() {
        return new MiException(404, "Event not registered");
    }

    static MiException temporarilyUnavailable() {
        return new MiException(480, "Temporarily Unavailable");
    }

    static MiException noParams() {
        return new MiException(400, "No Params");
    }

    static MiException badParams() {
        return new MiException(400, "Bad Params");
    }
}
