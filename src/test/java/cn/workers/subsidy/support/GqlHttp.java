package cn.workers.subsidy.support;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Sends the client operations of {@code graphql/operations/} to a server given by its base URL, over
 * plain {@link HttpClient}: for the integration tests, which talk to several server processes and need
 * to see every failure as it is (connection refused, 503, an answer with errors).
 */
public final class GqlHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private GqlHttp() {
    }

    /**
     * An HTTP answer: its status, its body when it was JSON, and whether the server announced it closes the
     * connection (what Quarkus does on every answer once it is shutting down).
     */
    public record Answer(int status, JsonObject body, String raw, boolean connectionClose) {

        /** {@code data.<field>} of an answer without errors; fails otherwise. */
        public JsonObject data(String field) {
            if (status != 200 || body == null || body.getJsonArray("errors") != null || body.getJsonObject("data") == null) {
                throw new AssertionError("expected data." + field + " but got HTTP " + status + ": " + raw);
            }
            return body.getJsonObject("data").getJsonObject(field);
        }

        /** The first error's extensions.code, or null. */
        public String errorCode() {
            if (body == null || body.getJsonArray("errors") == null || body.getJsonArray("errors").isEmpty()) {
                return null;
            }
            JsonObject extensions = body.getJsonArray("errors").getJsonObject(0).getJsonObject("extensions");
            return extensions == null ? null : extensions.getString("code");
        }

        /** True for HTTP 200 with data and no error: the server acknowledged the operation. */
        public boolean ok() {
            return status == 200 && body != null && body.getJsonArray("errors") == null && body.getJsonObject("data") != null;
        }
    }

    /** Posts an operation; IOException when no answer came (refused, reset, timed out). */
    public static Answer post(URI server, String token, String operation, Map<String, ?> variables)
            throws IOException, InterruptedException {
        JsonObject payload = new JsonObject().put("query", Gql.document(operation)).put("operationName", operation)
                .put("variables", new JsonObject(new java.util.HashMap<String, Object>(variables)));
        return postRaw(server, token, payload);
    }

    public static Answer postRaw(URI server, String token, JsonObject payload) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve("/graphql"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload.encode()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonObject body = null;
        try {
            if (response.body() != null && response.body().startsWith("{")) {
                body = new JsonObject(response.body());
            }
        } catch (RuntimeException e) {
            // not JSON: kept raw
        }
        boolean close = response.headers().allValues("connection").stream().anyMatch(v -> v.equalsIgnoreCase("close"));
        return new Answer(response.statusCode(), body, response.body(), close);
    }

    /** Like {@link #post} for callers that expect an answer: any IOException becomes an AssertionError. */
    public static Answer call(URI server, String token, String operation, Map<String, ?> variables) {
        try {
            return post(server, token, operation, variables);
        } catch (IOException e) {
            throw new AssertionError(operation + " to " + server + " got no answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
