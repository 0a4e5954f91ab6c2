package cn.workers.subsidy.api;

import cn.workers.subsidy.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

/** Requests that are not what a client should send get a clear error: never a 500, never internals. */
@QuarkusTest
class BadRequestTest {

    private static final String TOKEN = Tokens.TEST.worker("bad-request-worker");

    private static Response post(String contentType, String body) {
        return RestAssured.given().header("Authorization", "Bearer " + TOKEN).contentType(contentType).body(body).post("/graphql");
    }

    private static void assertNoInternals(Response r) {
        String body = r.asString();
        assertThat(r.statusCode(), lessThan(500));
        assertThat(body, not(containsString("Exception")));
        assertThat(body, not(containsString("\tat ")));
        assertThat(body, not(containsString("java.")));
    }

    @Test
    void malformedJsonIsRefused() {
        Response r = post("application/json", "{\"query\": \"{ me { subject } }\"");
        assertNoInternals(r);
        assertThat(r.statusCode(), is(400));
    }

    @Test
    void wrongContentTypeIsRefused() {
        Response r = post("text/plain", "{ me { subject } }");
        assertNoInternals(r);
        assertThat(r.statusCode(), anyOf(is(400), is(415)));
    }

    @Test
    void getIsNotServed() {
        Response r = RestAssured.given().header("Authorization", "Bearer " + TOKEN).queryParam("query", "{ me { subject } }").get("/graphql");
        assertNoInternals(r);
        assertThat(r.statusCode(), anyOf(is(400), is(405)));
    }

    @Test
    void oversizedBodyIsRefused() {
        String padding = "x".repeat(600 * 1024);
        Response r = post("application/json", "{\"query\": \"{ me { subject } }\", \"variables\": {\"pad\": \"" + padding + "\"}}");
        assertNoInternals(r);
        assertThat(r.statusCode(), is(413));
        assertThat(r.contentType(), containsString("application/json"));
        assertThat(r.jsonPath().getString("errors[0].extensions.code"), equalTo("QUERY_TOO_COMPLEX"));
        assertThat(r.jsonPath().getString("errors[0].message"), containsString("512 KiB"));
        // sent in chunks, without a Content-Length to refuse it by: the body handler stops it at the limit all the same
        Response chunked = RestAssured.given().header("Authorization", "Bearer " + TOKEN).contentType("application/json")
                .body(new java.io.ByteArrayInputStream(("{\"query\": \"{ me { subject } }\", \"variables\": {\"pad\": \"" + padding + "\"}}")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))).post("/graphql");
        assertNoInternals(chunked);
        assertThat(chunked.statusCode(), is(413));
        assertThat(chunked.jsonPath().getString("errors[0].extensions.code"), equalTo("QUERY_TOO_COMPLEX"));
    }

    @Test
    void unknownFieldIsAValidationError() {
        Response r = RestAssured.given().header("Authorization", "Bearer " + TOKEN).contentType(ContentType.JSON)
                .body(Map.of("query", "{ me { subject password } }")).post("/graphql");
        assertNoInternals(r);
        assertThat(r.jsonPath().getString("errors[0].extensions.code"), equalTo("VALIDATION"));
    }

    @Test
    void aliasFloodIsTooComplex() {
        StringBuilder q = new StringBuilder("{");
        for (int i = 0; i < 450; i++) {
            q.append(" a").append(i).append(": me { subject }");
        }
        q.append(" }");
        Response r = RestAssured.given().header("Authorization", "Bearer " + TOKEN).contentType(ContentType.JSON)
                .body(Map.of("query", q.toString())).post("/graphql");
        assertNoInternals(r);
        assertThat(r.jsonPath().getString("errors[0].extensions.code"), equalTo("QUERY_TOO_COMPLEX"));
        assertThat(r.jsonPath().get("data"), is((Object) null));
    }

    @Test
    void oneRootFieldPerRequest() {
        Response r = RestAssured.given().header("Authorization", "Bearer " + TOKEN).contentType(ContentType.JSON)
                .body(Map.of("query", "{ a: me { subject } b: me { subject } }")).post("/graphql");
        assertNoInternals(r);
        assertThat(r.jsonPath().getString("errors[0].extensions.code"), equalTo("VALIDATION"));
        Response withTypename = RestAssured.given().header("Authorization", "Bearer " + TOKEN).contentType(ContentType.JSON)
                .body(Map.of("query", "{ __typename me { subject } }")).post("/graphql");
        assertThat(withTypename.jsonPath().getString("data.me.subject"), equalTo("bad-request-worker"));
    }

    /**
     * Parsed and validated documents are cached by their text (GraphQLSetup): a document that was
     * refused, or that passed once, is checked again on every request.
     */
    @Test
    void limitsHoldWhenTheSameDocumentComesAgain() {
        String tooDeep = "{ orgUnits { parent { parent { parent { parent { parent { parent { parent { parent { code } } } } } } } } } }";
        String twoRoots = "{ a: me { subject } b: me { subject } }";
        for (int attempt = 1; attempt <= 3; attempt++) {
            Response deep = RestAssured.given().header("Authorization", "Bearer " + TOKEN).contentType(ContentType.JSON)
                    .body(Map.of("query", tooDeep)).post("/graphql");
            assertNoInternals(deep);
            assertThat("attempt " + attempt, deep.jsonPath().getString("errors[0].extensions.code"), equalTo("QUERY_TOO_COMPLEX"));
            assertThat(deep.jsonPath().get("data"), is((Object) null));
            Response two = RestAssured.given().header("Authorization", "Bearer " + TOKEN).contentType(ContentType.JSON)
                    .body(Map.of("query", twoRoots)).post("/graphql");
            assertThat("attempt " + attempt, two.jsonPath().getString("errors[0].extensions.code"), equalTo("VALIDATION"));
            Response fine = RestAssured.given().header("Authorization", "Bearer " + TOKEN).contentType(ContentType.JSON)
                    .body(Map.of("query", "{ me { subject } }")).post("/graphql");
            assertThat("attempt " + attempt, fine.jsonPath().getString("data.me.subject"), equalTo("bad-request-worker"));
        }
    }

    @Test
    void tooManyTokensIsTooComplex() {
        String q = "{ me { " + "subject ".repeat(5000) + "} }";
        Response r = RestAssured.given().header("Authorization", "Bearer " + TOKEN).contentType(ContentType.JSON)
                .body(Map.of("query", q)).post("/graphql");
        assertNoInternals(r);
        assertThat(r.jsonPath().getString("errors[0].extensions.code"), equalTo("QUERY_TOO_COMPLEX"));
    }

    @Test
    void garbageTokenIsUnauthenticated() {
        Response r = RestAssured.given().header("Authorization", "Bearer not.a.token").contentType(ContentType.JSON)
                .body(Map.of("query", "{ me { subject } }")).post("/graphql");
        assertNoInternals(r);
        assertThat(r.statusCode(), is(401));
    }
}
