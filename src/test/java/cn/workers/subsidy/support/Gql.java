package cn.workers.subsidy.support;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Sends the client operations kept in {@code graphql/operations/} (one file per operation, with the
 * fragments it uses) as the clients do: a JSON POST to {@code /graphql} with the bearer token. By default
 * to the server of the running {@code @QuarkusTest}; {@link #at(URI)} sends to a server process of its
 * own (the integration tests). Each request is bounded by {@link #timeout(Duration)}: a hanging server
 * fails the call, not the test run.
 *
 * <pre>{@code
 * Gql.op("Me").as(token).ok().getString("data.me.subject");            // no errors, else AssertionError
 * Gql.op("ApproveApplication").as(token).vars(...).errorCode();          // the first error's code
 * Gql.op("SubmitApplication").as(token).vars(...).at(server.base()).post(); // any answer; IOException if none
 * }</pre>
 */
public final class Gql {

    public static final Path OPERATIONS = Path.of("graphql", "operations");

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String operation;
    private String query;
    private final Map<String, Object> variables = new HashMap<>();
    private String token;
    private URI server;
    private Duration timeout = DEFAULT_TIMEOUT;

    private Gql(String operation) {
        this.operation = operation;
    }

    public static Gql op(String operation) {
        return new Gql(operation);
    }

    /** A document that is not one of the client operations (the standard introspection query, say), under its operation name. */
    public static Gql query(String operationName, String document) {
        Gql gql = new Gql(operationName);
        gql.query = document;
        return gql;
    }

    public static String document(String operation) {
        try {
            return Files.readString(OPERATIONS.resolve(operation + ".graphql"));
        } catch (IOException e) {
            throw new UncheckedIOException("no operation file for " + operation, e);
        }
    }

    /** The base URL of the running {@code @QuarkusTest}'s server (the port Quarkus gave RestAssured). */
    public static URI testServer() {
        return URI.create(RestAssured.baseURI + ":" + RestAssured.port);
    }

    /** The bearer token; null sends none. */
    public Gql as(String bearerToken) {
        this.token = bearerToken;
        return this;
    }

    public Gql var(String name, Object value) {
        variables.put(name, value);
        return this;
    }

    /** Sets the variable only when {@code value} is not null (an optional argument left out). */
    public Gql varIfSet(String name, Object value) {
        return value == null ? this : var(name, value);
    }

    public Gql vars(Map<String, ?> values) {
        variables.putAll(values);
        return this;
    }

    /** Sends to the server at this base URL instead of the {@code @QuarkusTest}'s. */
    public Gql at(URI serverBase) {
        this.server = serverBase;
        return this;
    }

    /** How long the answer may take (its headers, from the request's start); 120 s unless set. */
    public Gql timeout(Duration bound) {
        this.timeout = bound;
        return this;
    }

    /**
     * An HTTP answer as it came: its status, headers and raw body. Whether it was JSON, had errors, or
     * announced that the server closes the connection (what Quarkus does on every answer once it is
     * shutting down) is for the test to ask.
     */
    public record Answer(String operation, int status, HttpHeaders headers, String raw) {

        /** The body as JSON paths ({@code data.me.subject}, {@code errors[0].extensions.code}). */
        public JsonPath json() {
            return JsonPath.from(raw);
        }

        /** {@code data.<field>} of an answer without errors, as a Vert.x JSON object; fails otherwise. */
        public JsonObject data(String field) {
            if (!ok()) {
                throw new AssertionError(operation + ": expected data." + field + " but got HTTP " + status + ": " + raw);
            }
            return body().getJsonObject("data").getJsonObject(field);
        }

        /** The first error's extensions.code, or null. */
        public String errorCode() {
            JsonObject body = body();
            if (body == null || body.getJsonArray("errors") == null || body.getJsonArray("errors").isEmpty()) {
                return null;
            }
            JsonObject extensions = body.getJsonArray("errors").getJsonObject(0).getJsonObject("extensions");
            return extensions == null ? null : extensions.getString("code");
        }

        /** True for HTTP 200 with data and no error: the server acknowledged the operation. */
        public boolean ok() {
            JsonObject body = body();
            return status == 200 && body != null && body.getJsonArray("errors") == null && body.getJsonObject("data") != null;
        }

        /** The first value of a header, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The server said it closes the connection after this answer. */
        public boolean connectionClose() {
            return headers.allValues("connection").stream().anyMatch(v -> v.equalsIgnoreCase("close"));
        }

        /** The body as a Vert.x JSON object; null when it was not JSON. */
        public JsonObject body() {
            if (raw == null || !raw.startsWith("{")) {
                return null;
            }
            try {
                return new JsonObject(raw);
            } catch (RuntimeException e) {
                return null; // not JSON: kept raw
            }
        }
    }

    /** Posts the operation and returns whatever answer came; IOException when none came (refused, reset, timed out). */
    public Answer post() throws IOException, InterruptedException {
        JsonObject payload = new JsonObject().put("query", query != null ? query : document(operation)).put("operationName", operation)
                .put("variables", new JsonObject(new HashMap<>(variables)));
        HttpRequest.Builder request = HttpRequest.newBuilder((server == null ? testServer() : server).resolve("/graphql"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload.encode()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(operation, response.statusCode(), response.headers(), response.body());
    }

    /** {@link #post()} for callers that expect an answer: none is an AssertionError. */
    public Answer answer() {
        try {
            return post();
        } catch (IOException e) {
            throw new AssertionError(operation + " to " + (server == null ? testServer() : server) + " got no answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Posts the operation and returns the whole response body; asserts HTTP 200. */
    public JsonPath send() {
        Answer a = answer();
        if (a.status() != 200) {
            throw new AssertionError(operation + " answered HTTP " + a.status() + " (expected 200): " + a.raw());
        }
        return a.json();
    }

    /** Posts and returns the body after asserting that there were no errors. */
    public JsonPath ok() {
        JsonPath body = send();
        if (body.get("errors") != null) {
            throw new AssertionError(operation + " answered errors: " + body.prettify());
        }
        return body;
    }

    /** Posts and returns the first error's {@code extensions.code}. */
    public String errorCode() {
        JsonPath body = send();
        String code = body.getString("errors[0].extensions.code");
        if (code == null) {
            throw new AssertionError(operation + " was expected to fail but answered: " + body.prettify());
        }
        return code;
    }
}
