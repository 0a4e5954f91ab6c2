package cn.workers.subsidy.common.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every HTTP request an id: the caller's {@code X-Request-Id} when it is a sane token (an
 * ingress or a client may set one), a new UUID otherwise. The id goes into the logging MDC as
 * {@code requestId}, so every log record of the request carries it (a field of the JSON logs in
 * prod, {@code %X{requestId}} in the plain format), and back to the caller in the response's
 * {@code X-Request-Id} header, so a client can quote it when reporting a problem.
 * <p>
 * Quarkus serves each request on its own duplicated Vert.x context and keeps the MDC in that
 * context's local data: the value follows the request across the event loop and worker threads
 * and ends with it.
 */
@ApplicationScoped
public class RequestIdHandler {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /** Before every other route, including the GraphQL request guard (-1000). */
    static final int ORDER = -10_000;
    /** What is accepted from outside: no spaces, no control characters, nothing to forge a log line with. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        String id = accepted(ctx.request().getHeader(HEADER));
        MDC.put(MDC_KEY, id);
        ctx.put(MDC_KEY, id);
        ctx.response().putHeader(HEADER, id);
        ctx.next();
    }

    /** The caller's id when acceptable, otherwise a fresh one. */
    static String accepted(String offered) {
        if (offered != null && ACCEPTED.matcher(offered).matches()) {
            return offered;
        }
        return fresh();
    }

    /**
     * A random (version 4) UUID from the thread's own generator: a request id must be unique, not
     * unguessable, and {@code UUID.randomUUID()} draws from the shared SecureRandom on every request.
     */
    static String fresh() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
