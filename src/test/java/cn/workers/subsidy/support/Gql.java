package cn.workers.subsidy.support;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Sends the client operations kept in {@code graphql/operations/} (one file per operation, with the
 * fragments it uses) exactly as the clients do.
 */
public final class Gql {

    public static final Path OPERATIONS = Path.of("graphql", "operations");

    private final String operation;
    private final Map<String, Object> variables = new HashMap<>();
    private String token;

    private Gql(String operation) {
        this.operation = operation;
    }

    public static Gql op(String operation) {
        return new Gql(operation);
    }

    public static String document(String operation) {
        try {
            return Files.readString(OPERATIONS.resolve(operation + ".graphql"));
        } catch (IOException e) {
            throw new UncheckedIOException("no operation file for " + operation, e);
        }
    }

    public Gql as(String bearerToken) {
        this.token = bearerToken;
        return this;
    }

    public Gql var(String name, Object value) {
        variables.put(name, value);
        return this;
    }

    public Gql vars(Map<String, ?> values) {
        variables.putAll(values);
        return this;
    }

    /** Posts the operation and returns the whole response body; asserts HTTP 200. */
    public JsonPath send() {
        return request().post("/graphql").then().statusCode(200).extract().jsonPath();
    }

    /** Posts and returns {@code data.<field>} after asserting that there were no errors. */
    public JsonPath ok() {
        JsonPath body = send();
        Object errors = body.get("errors");
        if (errors != null) {
            throw new AssertionError(operation + " answered errors: " + body.prettify());
        }
        return body;
    }

    /**
     * Posts and returns the HTTP response whatever its status, for tests that expect something other than
     * 200 (a database that is down answers 503). Connecting and waiting for the answer are each bounded by
     * {@code timeout}: a hanging server fails the call instead of the test run.
     */
    public Response post(Duration timeout) {
        int ms = (int) timeout.toMillis();
        return request().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.connection.timeout", ms).setParam("http.socket.timeout", ms))).post("/graphql");
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

    private RequestSpecification request() {
        Map<String, Object> payload = new HashMap<>();
        payload.put("query", document(operation));
        payload.put("operationName", operation);
        payload.put("variables", variables);
        RequestSpecification spec = RestAssured.given().contentType(ContentType.JSON).body(payload);
        if (token != null) {
            spec.header("Authorization", "Bearer " + token);
        }
        return spec;
    }
}
