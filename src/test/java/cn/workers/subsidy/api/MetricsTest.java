package cn.workers.subsidy.api;

import cn.workers.subsidy.support.Fixtures;
import cn.workers.subsidy.support.Gql;
import cn.workers.subsidy.support.World;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;

/** The business metrics on /q/metrics: applications by status, remaining places per pool, GraphQL errors by code. */
@QuarkusTest
class MetricsTest {

    @Inject
    Fixtures fx;

    @Test
    void metricsShowApplicationsPoolsAndErrorCodes() {
        World w = World.create(fx, "GRASSROOTS");
        long pool = fx.pool(w.campaign(), w.tree().city(), "EDUCATION", 42);
        fx.application(w.worker(), w.campaign(), w.educationCourse(), "GRASSROOTS", w.tree().grassroots(), true);
        Gql.op("MyApplications").errorCode(); // an UNAUTHENTICATED error, counted by code
        String poolSeries = "subsidy_quota_remaining{campaign=\"" + w.campaign() + "\",org_unit=\"" + w.tree().cityCode()
                + "\",track=\"EDUCATION\"} 42.0";
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> RestAssured.get("/q/metrics").asString().contains(poolSeries));
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics, containsString("subsidy_applications{status=\"SUBMITTED\"}"));
        assertThat(metrics, containsString("subsidy_graphql_errors_total{code=\"UNAUTHENTICATED\"}"));
        assertThat("pool " + pool, metrics, containsString(poolSeries));
    }
}
