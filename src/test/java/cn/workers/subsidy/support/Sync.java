package cn.workers.subsidy.support;

import io.restassured.path.json.JsonPath;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Enrollment events as an academy's system sends them, through graphql/operations/SyncEnrollments.graphql. */
public final class Sync {

    /** A fixed past instant in Beijing time, {@code hours} after a base some days ago. */
    public static final OffsetDateTime BASE = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(20).truncatedTo(ChronoUnit.SECONDS);

    private Sync() {
    }

    public static OffsetDateTime at(int hours) {
        return BASE.plusHours(hours);
    }

    public static Map<String, Object> event(long applicationId, String ref, String status, OffsetDateTime at) {
        Map<String, Object> e = new HashMap<>();
        e.put("applicationId", String.valueOf(applicationId));
        e.put("externalRef", ref);
        e.put("status", status);
        e.put("occurredAt", at.toString());
        return e;
    }

    public static Map<String, Object> completed(long applicationId, String ref, OffsetDateTime at, String certificate) {
        Map<String, Object> e = event(applicationId, ref, "COMPLETED", at);
        e.put("certificateNo", certificate);
        return e;
    }

    public static Map<String, Object> with(Map<String, Object> event, String field, Object value) {
        Map<String, Object> e = new HashMap<>(event);
        e.put(field, value);
        return e;
    }

    public static JsonPath send(String token, List<Map<String, Object>> items) {
        return Gql.op("SyncEnrollments").as(token).var("items", items).ok();
    }

    public static List<String> outcomes(JsonPath r) {
        return r.getList("data.syncEnrollments.results.outcome");
    }

    public static List<String> codes(JsonPath r) {
        return r.getList("data.syncEnrollments.results.code");
    }
}
