package cn.workers.subsidy.common.error;

import cn.workers.subsidy.common.db.DbLimits;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
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
 * size limit (over it: 413, QUERY_TOO_COMPLEX) that parses to an object with a string {@code query}, and a
 * query that parses as GraphQL within the token limits ({@link DocumentCheck}). Anything else is answered
 * here with a GraphQL-shaped error carrying the contract code, instead of the engine's 500 or SmallRye's
 * uncoded "Unparseable input document", and counted in {@code subsidy_graphql_errors_total}. An answer that
 * reports the database unavailable leaves as 503 ({@link ServiceUnavailable}).
 */
@ApplicationScoped
public class GraphQLRequestGuard {

    private final long maxBodyBytes;
    private final DbLimits dbLimits;
    private final DocumentCheck documents;

    GraphQLRequestGuard(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody, DbLimits dbLimits,
            @ConfigProperty(name = "quarkus.smallrye-graphql.parser-max-tokens") int maxTokens,
            @ConfigProperty(name = "quarkus.smallrye-graphql.parser-max-whitespace-tokens") int maxWhitespaceTokens) {
        this.maxBodyBytes = maxBody.asLongValue();
        this.dbLimits = dbLimits;
        this.documents = new DocumentCheck(maxTokens, maxWhitespaceTokens);
    }

    void register(@Observes Router router) {
        router.post("/graphql").order(-1000).handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes)).handler(this::check)
                .failureHandler(this::tooLarge);
    }

    /** A body over the limit: the body handler fails the request with 413; answer it in the error shape. */
    private void tooLarge(RoutingContext ctx) {
        if (ctx.statusCode() != 413 || ctx.response().ended()) {
            ctx.next();
            return;
        }
        ctx.response().putHeader("Connection", "close");
        refuse(ctx, 413, ErrorCode.QUERY_TOO_COMPLEX, "The request body exceeds " + (maxBodyBytes / 1024) + " KiB");
    }

    /** The duplicated-context local under which a GraphQL HTTP request keeps its routing context. */
    private static final String REQUEST = GraphQLRequestGuard.class.getName() + ".request";

    /**
     * The routing context of the GraphQL HTTP request being executed on this thread's Vert.x context, or null
     * (a WebSocket subscription, no request). It outlives the request's CDI context: a resolver that runs
     * after the client went away still finds it, and with it the request's authenticated user.
     */
    public static RoutingContext currentRequest() {
        Context context = Vertx.currentContext();
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            return null;
        }
        return context.getLocal(REQUEST) instanceof RoutingContext rc ? rc : null;
    }

    private void check(RoutingContext ctx) {
        Context context = Vertx.currentContext();
        if (context != null && VertxContext.isDuplicatedContext(context)) {
            context.putLocal(REQUEST, ctx);
        }
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
        Object operationName = body.getValue("operationName");
        if (operationName != null && !(operationName instanceof String)) {
            refuse(ctx, 400, ErrorCode.VALIDATION, "operationName must be a string");
            return;
        }
        DocumentCheck.Refusal syntax = documents.check(query);
        if (syntax != null) {
            // GraphQL over HTTP with application/json: a document that does not parse is answered like any other
            // validation error, 200 with the error and no data
            refuse(ctx, 200, syntax.code(), syntax.message());
            return;
        }
        ServiceUnavailable.answer503WhenMarked(ctx, dbLimits.retryAfter());
        ctx.next();
    }

    static void refuse(RoutingContext ctx, int status, ErrorCode code, String message) {
        ErrorShapingInstrumentation.count(code);
        JsonObject error = new JsonObject().put("message", message)
                .put("extensions", new JsonObject().put("code", code.name()));
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
    }
}
