package org.evi4j.mi.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;
import java.util.concurrent.TimeUnit;

import org.evi4j.mi.MiException;
import org.evi4j.mi.MiResponse;
import org.evi4j.mi.MiValue;
import org.evi4j.support.LogLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers legacy text requests ({@code :cmd:\n} and arguments), as OpenSIPS 2.4's mi_datagram (SPEC 6.2). */
final class LegacyCodec {

    private static final Logger LOG = LoggerFactory.getLogger(LegacyCodec.class);
    /** One budget for the lines a request can cause (replies that do not fit, failing commands). */
    private final LogLimiter warnings = new LogLimiter(10, 1, TimeUnit.SECONDS);

    private final CommandRegistry registry;
    private final MiCounters counters;

    LegacyCodec(CommandRegistry registry) {
        this.registry = registry;
        this.counters = registry.counters();
    }

    /**
     * @param offset  where the request's leading {@code :} is
     * @param allowed the MI server's policy: the commands it runs
     * @param source  who sent it ({@link org.evi4j.mi.MiParams#source()}), or {@code null}
     */
    boolean handle(byte[] bytes, int offset, int length, ReplyOutput out, String indent, Predicate<String> allowed,
            String source) {
        int end = offset + length;
        int colon = offset + 1;
        while (colon < end && bytes[colon] != ':') {
            colon++;
        }
        if (colon + 1 >= end || bytes[colon + 1] != '\n') {
            return fixed(out, LegacyWriter.COMMAND_NOT_AVAILABLE);
        }
        String name = new String(bytes, offset + 1, colon - offset - 1, StandardCharsets.UTF_8);
        Registration command = registry.lookup(name);
        if (command == null) {
            return fixed(out, LegacyWriter.COMMAND_NOT_AVAILABLE);
        }
        if (!command.allowedBy(allowed)) {
            return fixed(out, LegacyWriter.FORBIDDEN);
        }
        List<MiValue> args = command.noInput() ? List.of() : LegacyArgParser.parse(bytes, colon + 2, end);
        if (args == null) {
            counters.parseErrors.increment();
            return fixed(out, LegacyWriter.PARSE_ERROR);
        }
        try {
            MiResponse response = Commands.run(command,
                    RecipeMatcher.positional(command.recipes(), args, true).from(source), warnings);
            LegacyWriter.ok(out, response.legacy(), indent);
            return true;
        } catch (Commands.Failure e) {
            return fixed(out, LegacyWriter.COMMAND_FAILED);
        } catch (MiException e) {
            return commandError(out, e);
        } catch (ReplyOutput.ReplyTooLargeException e) {
            long skipped = warnings.permit();
            if (skipped >= 0) {
                LOG.warn("MI reply to {} does not fit {} bytes: sending an error instead{}", command.name(),
                        out.limit(), LogLimiter.suppressedNote(skipped));
            }
            return fixed(out, LegacyWriter.TOO_LARGE);
        } catch (IOException | RuntimeException e) {
            if (warnings.tryAcquire()) {
                LOG.error("MI reply to {} could not be written", command.name(), e);
            }
            return fixed(out, LegacyWriter.INTERNAL_ERROR);
        }
    }

    private boolean commandError(ReplyOutput out, MiException e) {
        counters.errors.increment();
        try {
            out.reset();
            LegacyWriter.error(out, e.legacyCode(), e.legacyReason());
            return true;
        } catch (IOException | RuntimeException failure) {
            return fixed(out, LegacyWriter.INTERNAL_ERROR);
        }
    }

    /** One of the fixed error replies, which have no empty line after them. */
    private boolean fixed(ReplyOutput out, String reply) {
        counters.errors.increment();
        try {
            out.reset();
            out.text(reply);
            return true;
        } catch (IOException e) {
            if (warnings.tryAcquire()) {
                LOG.warn("MI reply buffer too small even for an error reply: no reply sent");
            }
            return false;
        }
    }
}
