package org.evi4j.mi.internal;

import org.evi4j.mi.MiException;
import org.evi4j.mi.MiResponse;
import org.evi4j.support.LogLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a command for either codec: a command that fails unexpectedly becomes a server error, never escapes. */
final class Commands {

    private static final Logger LOG = LoggerFactory.getLogger(Commands.class);

    /** The legacy reason of a command that failed ({@code 500 command failed}). */
    static final String COMMAND_FAILED = "command failed";

    private Commands() {
    }

    /**
     * Runs a command; its failures are logged within {@code failures}, so that a request that makes a command fail
     * cannot flood the log.
     */
    static MiResponse run(Registration command, Params params, LogLimiter failures) throws MiException {
        MiResponse response;
        try {
            response = command.command().execute(params);
        } catch (RuntimeException | LinkageError e) {
            long skipped = failures.permit();
            if (skipped >= 0) {
                LOG.error("MI command {} failed{}", command.name(), LogLimiter.suppressedNote(skipped), e);
            }
            throw serverError(null);
        }
        if (response == null) {
            long skipped = failures.permit();
            if (skipped >= 0) {
                LOG.warn("MI command {} returned no response{}", command.name(), LogLimiter.suppressedNote(skipped));
            }
            throw serverError("Command handler returned null");
        }
        return response;
    }

    /** -32000 {@code Server error}; legacy {@code 500 command failed}. */
    static MiException serverError(String data) {
        return new Failure(data);
    }

    /** A command that failed rather than refused: legacy clients get the fixed {@code 500 command failed\n}. */
    static final class Failure extends MiException {
        private static final long serialVersionUID = 1L;

        Failure(String data) {
            super(MiException.SERVER_ERROR, "Server error", data, 500, COMMAND_FAILED);
        }
    }
}
