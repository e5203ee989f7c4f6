package org.evi4j.mi.internal;

import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;
import java.util.concurrent.TimeUnit;

import org.evi4j.mi.MiDispatcher;
import org.evi4j.mi.MiException;
import org.evi4j.mi.MiResponse;
import org.evi4j.support.LogLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonFactory;

/** Answers JSON-RPC 2.0 requests (SPEC 6.1, OPENSIPS-REFERENCE 5.2 with the differences of SPEC 7). */
final class JsonRpcCodec {

    private static final Logger LOG = LoggerFactory.getLogger(JsonRpcCodec.class);
    /** One budget for the lines a request can cause (replies that do not fit, failing commands). */
    private final LogLimiter warnings = new LogLimiter(10, 1, TimeUnit.SECONDS);

    // immutable, made once: bad requests cost no stack trace
    private static final MiException PARSE_ERROR = new MiException(-32700, "Parse error");
    private static final MiException INVALID_REQUEST = new MiException(-32600, "Invalid Request");
    private static final MiException METHOD_NOT_FOUND = new MiException(-32601, "Method not found");

    private final RequestParsers parsers;
    private final JsonRpcWriter writer;
    private final CommandRegistry registry;
    private final MiCounters counters;

    JsonRpcCodec(JsonFactory factory, CommandRegistry registry) {
        this.parsers = new RequestParsers(factory);
        this.writer = new JsonRpcWriter(factory);
        this.registry = registry;
        this.counters = registry.counters();
    }

    /**
     * @param allowed the MI server's policy: the commands it runs
     * @param source  who sent it ({@link org.evi4j.mi.MiParams#source()}), or {@code null}
     * @return whether {@code out} holds a reply to send
     */
    boolean handle(byte[] bytes, int offset, int length, ReplyOutput out, Predicate<String> allowed,
            String source) {
        JsonRpcRequest request;
        try {
            request = JsonRpcReader.read(parsers, bytes, offset, length);
        } catch (IOException | RuntimeException e) {
            counters.parseErrors.increment();
            counters.errors.increment();
            LOG.debug("MI request is not JSON: {}", e.getMessage());
            return send(out, PARSE_ERROR, JsonRpcRequest.invalidWithNullId());
        }
        if (request.invalid) {
            counters.errors.increment();
            return send(out, INVALID_REQUEST, request);
        }
        if (request.notification()) {
            counters.notifications.increment();
        }
        Registration command = registry.lookup(request.method);
        if (command == null) {
            counters.errors.increment();
            return !request.notification() && send(out, METHOD_NOT_FOUND, request);
        }
        if (!command.allowedBy(allowed)) {
            counters.errors.increment();
            return !request.notification() && send(out, forbidden(command.name()), request);
        }
        Object outcome = execute(command, request, source);
        if (outcome instanceof MiException) {
            counters.errors.increment();
        }
        return !request.notification() && send(out, outcome, request);
    }

    private static MiException forbidden(String command) {
        return new MiException(MiDispatcher.FORBIDDEN_CODE, "Forbidden", command + " is not allowed on this MI socket",
                MiDispatcher.FORBIDDEN_CODE, "Forbidden");
    }

    /** Drops the calling thread's parser and generator state (other threads' go with this codec). */
    void close() {
        parsers.close();
        writer.close();
    }

    /** The command's {@link MiResponse}, or the {@link MiException} to reply with. */
    private Object execute(Registration command, JsonRpcRequest request, String source) {
        try {
            Params params = request.named != null
                    ? RecipeMatcher.named(command.recipes(), request.named)
                    : RecipeMatcher.positional(command.recipes(),
                            request.positional == null ? List.of() : request.positional, false);
            return Commands.run(command, params.from(source), warnings);
        } catch (MiException e) {
            return e;
        }
    }

    private boolean send(ReplyOutput out, Object outcome, JsonRpcRequest request) {
        try {
            write(out, outcome, request);
            return true;
        } catch (ReplyOutput.ReplyTooLargeException e) {
            long skipped = warnings.permit();
            if (skipped >= 0) {
                LOG.warn("MI reply to {} does not fit {} bytes: sending an error instead{}", request.method,
                        out.limit(), LogLimiter.suppressedNote(skipped));
            }
            return fallback(out, new MiException(MiException.SERVER_ERROR, "Server error", "Reply too large", 500,
                    "reply too large"), request);
        } catch (IOException | RuntimeException e) {
            if (warnings.tryAcquire()) {
                LOG.error("MI reply to {} could not be written", request.method, e);
            }
            return fallback(out, Commands.serverError(null), request);
        }
    }

    private boolean fallback(ReplyOutput out, MiException error, JsonRpcRequest request) {
        try {
            write(out, error, request);
            return true;
        } catch (ReplyOutput.ReplyTooLargeException e) {
            if (request.idKind == JsonRpcRequest.IdKind.STRING) {
                // only an id too long to echo makes an error this large: a null id beats no reply at all
                return fallback(out, error, JsonRpcRequest.invalidWithNullId());
            }
            if (warnings.tryAcquire()) {
                LOG.warn("MI reply buffer of {} bytes too small even for an error reply: no reply sent", out.limit());
            }
            return false;
        } catch (IOException | RuntimeException e) {
            if (warnings.tryAcquire()) {
                LOG.warn("MI reply buffer too small even for an error reply ({}): no reply sent", e.toString());
            }
            return false;
        }
    }

    private void write(ReplyOutput out, Object outcome, JsonRpcRequest request) throws IOException {
        out.reset();
        if (outcome instanceof MiResponse) {
            writer.result(out, ((MiResponse) outcome).result(), request);
        } else {
            writer.error(out, (MiException) outcome, request);
        }
    }
}
