package cn.workers.subsidy.deploy;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The endpoints the Kubernetes manifests point at are served, without a token: every health path
 * the probes may use (KustomizeManifestsTest checks the probes against the same list) and the
 * Prometheus metrics.
 */
@QuarkusTest
class ProbeEndpointsTest {

    @Test
    void everyProbePathAnswersUp() {
        for (String path : KustomizeManifestsTest.SERVED_HEALTH_PATHS) {
            RestAssured.given().get(path).then().statusCode(200).body("status", equalTo("UP"));
        }
    }

    @Test
    void metricsAreServedForScraping() {
        RestAssured.given().get("/q/metrics").then().statusCode(200).body(containsString("# TYPE "));
    }
}
