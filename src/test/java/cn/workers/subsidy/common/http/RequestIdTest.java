package cn.workers.subsidy.common.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import cn.workers.subsidy.common.http.RequestIdHandler;
@QuarkusTest
class RequestIdTest {

    /** A random (version 4, RFC 4122 variant) UUID. */
    static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @Test
    void aRequestWithoutIdGetsAFreshOne() {
        String first = RestAssured.given().get("/q/health/live").then().statusCode(200).extract().header(RequestIdHandler.HEADER);
        String second = RestAssured.given().get("/q/health/live").then().statusCode(200).extract().header(RequestIdHandler.HEADER);
        assertThat(first, matchesPattern(UUID));
        assertThat(second, matchesPattern(UUID));
        assertThat(second, not(equalTo(first)));
    }

    @Test
    void freshIdsAreDistinctVersion4Uuids() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestIdHandler.fresh();
            assertThat(id, matchesPattern(UUID));
            java.util.UUID parsed = java.util.UUID.fromString(id);
            assertEquals(4, parsed.version());
            assertEquals(2, parsed.variant());
            ids.add(id);
        }
        assertEquals(10_000, ids.size());
    }

    @Test
    void aProvidedIdIsEchoed() {
        RestAssured.given().header(RequestIdHandler.HEADER, "ingress-7f3a.42").get("/q/health/live")
                .then().statusCode(200).header(RequestIdHandler.HEADER, "ingress-7f3a.42");
    }

    @Test
    void graphQlResponsesCarryTheIdToo() {
        Response r = RestAssured.given().header(RequestIdHandler.HEADER, "client-req-1").contentType(ContentType.JSON)
                .body(Map.of("query", "{ me { subject } }")).post("/graphql");
        assertThat(r.header(RequestIdHandler.HEADER), equalTo("client-req-1"));
    }

    @Test
    void anIdUnfitForLogsIsReplaced() {
        for (String offered : new String[] {"has spaces in it", "x".repeat(200), "quote\"and{braces}"}) {
            String id = RestAssured.given().header(RequestIdHandler.HEADER, offered).get("/q/health/live")
                    .then().statusCode(200).extract().header(RequestIdHandler.HEADER);
            assertThat(id, matchesPattern(UUID));
        }
    }

    @Test
    void theIdIsInTheLoggingContextOnTheEventLoopAndOnWorkerThreads() {
        RestAssured.given().header(RequestIdHandler.HEADER, "mdc-check-1").get(MdcProbeRoute.PATH)
                .then().statusCode(200).body("eventLoop", equalTo("mdc-check-1")).body("worker", equalTo("mdc-check-1"));
    }
}
