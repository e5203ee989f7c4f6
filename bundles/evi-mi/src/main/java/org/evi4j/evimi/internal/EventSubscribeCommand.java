package org.evi4j.evimi.internal;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.evi4j.api.EventInterface;
import org.evi4j.api.InvalidSubscriptionException;
import org.evi4j.api.StorageException;
import org.evi4j.api.UnknownEventException;
import org.evi4j.mi.MiCommand;
import org.evi4j.mi.MiException;
import org.evi4j.mi.MiParams;
import org.evi4j.mi.MiResponse;
import org.evi4j.support.LogLimiter;
import org.evi4j.support.LogText;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code event_subscribe} / {@code evi:subscribe}: subscribes a socket to an event, or refreshes it. */
@Component(service = MiCommand.class, configurationPid = EventSubscribeCommand.PID, property = {
        MiCommand.NAME_PROPERTY + "=event_subscribe", MiCommand.NAME_PROPERTY + "=evi:subscribe" })
@Designate(ocd = EviMiConfig.class)
public final class EventSubscribeCommand extends EviCommand {

    /** The configuration PID of the EVI MI commands. */
    static final String PID = "org.evi4j.evi.mi";

    private static final Logger LOG = LoggerFactory.getLogger(EventSubscribeCommand.class);
    private static final List<List<String>> RECIPES = List.of(
            List.of("event", "socket"), List.of("event", "socket", "expire"));

    /** Refusals are logged at most a few a second, whoever sends them: a flood of bad requests is not a log flood. */
    private final LogLimiter refusals = new LogLimiter(5, 1, TimeUnit.SECONDS);

    private final SourceQuota quota;

    @Activate
    public EventSubscribeCommand(@Reference(policyOption = ReferencePolicyOption.GREEDY) EventInterface evi,
            EviMiConfig config) {
        this(evi, config.max__subscriptions__per__source());
    }

    EventSubscribeCommand(EventInterface evi) {
        this(evi, SourceQuota.DEFAULT_PER_HOUR);
    }

    EventSubscribeCommand(EventInterface evi, int perSourcePerHour) {
        super(evi, RECIPES, "subscribes an event to the Event Interface");
        this.quota = new SourceQuota(perSourcePerHour);
    }

    @Override
    public MiResponse execute(MiParams params) throws MiException {
        // OpenSIPS checks expire before event and socket; so do we, to give the same error first
        boolean hasExpire = params.has("expire");
        int expire = hasExpire ? expire(params) : EventInterface.DEFAULT_EXPIRE;
        String event = Args.required(params, "event");
        String socket = Args.required(params, "socket");
        if (expire != 0 && !withinQuota(params, event, socket)) {
            throw EviErrors.badParameterValue();
        }
        try {
            if (hasExpire) {
                evi.subscribe(event, socket, expire);
            } else {
                evi.subscribe(event, socket);
            }
        } catch (UnknownEventException e) {
            if (LOG.isDebugEnabled()) {
                LOG.debug("subscription of {} refused: event {} is not published", LogText.socket(socket),
                        LogText.escape(event));
            }
            throw EviErrors.badParameterValue();
        } catch (InvalidSubscriptionException | IllegalArgumentException e) {
            long skipped = refusals.permit();
            if (skipped >= 0) {
                LOG.info("subscription of {} to {} refused: {}{}", LogText.socket(socket), LogText.escape(event),
                        LogText.message(e.getMessage(), socket), LogLimiter.suppressedNote(skipped));
            }
            throw EviErrors.badParameterValue();
        } catch (StorageException e) {
            // the core logged it (rate-limited); the client learns why, without its socket
            throw EviErrors.notSaved(e.getMessage());
        }
        return MiResponse.ok();
    }

    /** A new subscription (not a refresh) counts against its client's hourly quota. */
    private boolean withinQuota(MiParams params, String event, String socket) {
        if (params.source().isEmpty() || quota.perHour() == 0 || isRefresh(event, socket)) {
            return true;
        }
        if (quota.take(params.source().get())) {
            return true;
        }
        long skipped = refusals.permit();
        if (skipped >= 0) {
            LOG.info("subscription of {} to {} refused: MI client {} created {} subscriptions this hour "
                    + "(max_subscriptions_per_source){}", LogText.socket(socket), LogText.escape(event),
                    LogText.escape(params.source().get()), quota.perHour(), LogLimiter.suppressedNote(skipped));
        }
        return false;
    }

    private boolean isRefresh(String event, String socket) {
        try {
            return evi.subscriber(event, socket).isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static int expire(MiParams params) throws MiException {
        int expire = params.integer("expire");
        if (expire < 0) {
            throw MiException.invalidParams("Negative expire value");
        }
        return expire;
    }
}
