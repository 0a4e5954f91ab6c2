package cn.workers.subsidy.common.error;

import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;

/**
 * A GraphQL answer that reports the database unavailable goes out as HTTP 503 with Retry-After, so that
 * HTTP clients, gateways and dashboards see an outage as one (GraphQL itself would answer 200). The
 * error shaping marks the request's Vert.x context, on which its resolvers and their database calls run;
 * the request guard sets the status just before the headers are written.
 */
public final class ServiceUnavailable {

    private static final String MARK = ServiceUnavailable.class.getName();

    private ServiceUnavailable() {
    }

    /** Marks the current request (its duplicated Vert.x context), if there is one. */
    static void mark() {
        Context context = Vertx.currentContext();
        if (context != null && VertxContext.isDuplicatedContext(context)) {
            context.putLocal(MARK, Boolean.TRUE);
        }
    }

    /** Answers 503 with Retry-After when the request turns out unavailable; call on the request's context. */
    static void answer503WhenMarked(RoutingContext ctx, Duration retryAfter) {
        Context context = Vertx.currentContext();
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            return;
        }
        ctx.addHeadersEndHandler(ignored -> {
            if (Boolean.TRUE.equals(context.getLocal(MARK))) {
                ctx.response().setStatusCode(503).putHeader("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
            }
        });
    }
}
