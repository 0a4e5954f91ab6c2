package cn.workers.subsidy.common.error;

import cn.workers.subsidy.common.db.DbLimits;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks a GraphQL HTTP request before the engine sees it: JSON content type, a body within the
 * size limit that parses to an object with a string {@code query}. Anything else is answered here
 * with a 4xx and a GraphQL-shaped error carrying the contract code, instead of the engine's 500. An
 * answer that reports the database unavailable leaves as 503 ({@link ServiceUnavailable}).
 */
@ApplicationScoped
public class GraphQLRequestGuard {

    private final long maxBodyBytes;
    private final DbLimits dbLimits;

    GraphQLRequestGuard(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody, DbLimits dbLimits) {
        this.maxBodyBytes = maxBody.asLongValue();
        this.dbLimits = dbLimits;
    }

    void register(@Observes Router router) {
        router.post("/graphql").order(-1000).handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes)).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            refuse(ctx, 415, ErrorCode.VALIDATION, "Send the GraphQL request as application/json");
            return;
        }
        JsonObject body;
        try {
            Object parsed = ctx.body().asJsonObject();
            body = (JsonObject) parsed;
        } catch (DecodeException | ClassCastException e) {
            refuse(ctx, 400, ErrorCode.VALIDATION, "The request body is not a JSON object");
            return;
        }
        if (body == null || !(body.getValue("query") instanceof String query) || query.isBlank()) {
            refuse(ctx, 400, ErrorCode.VALIDATION, "The request body has no query");
            return;
        }
        Object variables = body.getValue("variables");
        if (variables != null && !(variables instanceof JsonObject)) {
            refuse(ctx, 400, ErrorCode.VALIDATION, "variables must be a JSON object");
            return;
        }
        ServiceUnavailable.answer503WhenMarked(ctx, dbLimits.retryAfter());
        ctx.next();
    }

    static void refuse(RoutingContext ctx, int status, ErrorCode code, String message) {
        JsonObject error = new JsonObject().put("message", message)
                .put("extensions", new JsonObject().put("code", code.name()));
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
    }
}
