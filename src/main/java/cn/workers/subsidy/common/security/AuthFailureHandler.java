package cn.workers.subsidy.common.security;

import cn.workers.subsidy.common.error.ErrorCode;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A token that fails verification (expired, not yet valid, foreign issuer or key, wrong audience,
 * unsigned, garbage) is refused before any resolver runs. Instead of a bare 401 the client gets
 * the same error shape as everywhere else: HTTP 401 with a GraphQL error coded UNAUTHENTICATED.
 */
@ApplicationScoped
public class AuthFailureHandler {

    void register(@Observes Router router) {
        router.route().order(-1100).failureHandler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (!(failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) || ctx.response().ended()) {
            ctx.next();
            return;
        }
        JsonObject error = new JsonObject().put("message", "The bearer token is missing, invalid or expired")
                .put("extensions", new JsonObject().put("code", ErrorCode.UNAUTHENTICATED.name()));
        ctx.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer").putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
    }
}
