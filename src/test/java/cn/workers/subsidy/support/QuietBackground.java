package cn.workers.subsidy.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The test profile for tests that count statements: the business gauges, which read the database every
 * second in the test profile, are refreshed hourly instead, so that no background read lands in a count.
 */
public class QuietBackground implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("subsidy.metrics.refresh", "1h");
    }
}
