package cn.workers.subsidy.enrollment;

import cn.workers.subsidy.support.Concurrently;
import cn.workers.subsidy.support.Fixtures;
import cn.workers.subsidy.support.IdNumbers;
import cn.workers.subsidy.support.Tokens;
import cn.workers.subsidy.support.World;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static cn.workers.subsidy.support.Sync.at;
import static cn.workers.subsidy.support.Sync.event;
import static cn.workers.subsidy.support.Sync.send;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Not a test: measures one 1,000-item syncEnrollments call against 1,000 one-item calls, over HTTP,
 * and writes the times to target/sync-timing.txt. Run it on purpose:
 * {@code MEASURE_SYNC=true ./mvnw test -Dtest=SyncTimingHarness}.
 */
@QuarkusTest
@EnabledIfEnvironmentVariable(named = "MEASURE_SYNC", matches = "true")
class SyncTimingHarness {

    static final int N = 1000;
    static final java.time.LocalDate BORN = java.time.LocalDate.of(1980, 1, 1);
    private int born;

    @Inject
    Fixtures fx;

    @Inject
    cn.workers.subsidy.support.Db db;

    private List<Long> approved(World w, long pool, int n) {
        List<Long> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long worker = fx.worker(Fixtures.unique("timing-"), w.tree().grassroots(), IdNumbers.valid(BORN.plusDays(born++)), "ENTERPRISE",
                    true, "HIGH_SCHOOL", null);
            ids.add(fx.approvedFor(worker, w.campaign(), w.educationCourse(), pool));
        }
        return ids;
    }

    private static List<Map<String, Object>> enrolled(List<Long> ids) {
        return ids.stream().map(id -> event(id, "T-" + id, "ENROLLED", at(1))).toList();
    }

    @Test
    void measure() throws Exception {
        World w = World.create(fx, "CITY");
        long pool = fx.pool(w.campaign(), w.tree().city(), "EDUCATION", 4 * N + 100);
        String academy = Tokens.TEST.academy("client-timing", w.academyCode());
        long setup = System.nanoTime();
        List<Long> warm = approved(w, pool, 100);
        List<Long> forBatch = approved(w, pool, N);
        List<Long> forSingles = approved(w, pool, N);
        List<Long> forParallel = approved(w, pool, N);
        StringBuilder out = new StringBuilder("fixtures: " + ms(setup) + " ms for " + (3 * N + 100) + " approved applications\n");

        for (int i = 0; i < 50; i++) {
            send(academy, enrolled(warm.subList(i, i + 1)));
        }
        send(academy, enrolled(warm.subList(50, 100)));

        long t = System.nanoTime();
        JsonPath batch = send(academy, enrolled(forBatch));
        out.append("one call, ").append(N).append(" items: ").append(ms(t)).append(" ms\n");
        assertEquals(N, batch.getInt("data.syncEnrollments.applied"));
        t = System.nanoTime();
        assertEquals(N, send(academy, enrolled(forBatch)).getInt("data.syncEnrollments.unchanged"));
        out.append("the same call again (all UNCHANGED): ").append(ms(t)).append(" ms\n");

        t = System.nanoTime();
        for (Map<String, Object> item : enrolled(forSingles)) {
            assertEquals(1, send(academy, List.of(item)).getInt("data.syncEnrollments.applied"));
        }
        out.append(N).append(" calls of one item, one after another: ").append(ms(t)).append(" ms\n");

        List<Callable<Integer>> calls = enrolled(forParallel).stream()
                .<Callable<Integer>>map(item -> () -> send(academy, List.of(item)).getInt("data.syncEnrollments.applied")).toList();
        t = System.nanoTime();
        int applied = Concurrently.run(8, calls).stream().mapToInt(Integer::intValue).sum();
        out.append(N).append(" calls of one item, 8 clients at once (one academy: its batches queue): ").append(ms(t)).append(" ms\n");
        assertEquals(N, applied);

        t = System.nanoTime();
        int rows = 0;
        String after = null;
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> Boolean.TRUE.equals(db.one("SELECT coalesce(max(updated_at), '-infinity') < clock_timestamp()"
                        + " - interval '1100 milliseconds' FROM application")));
        do {
            var q = cn.workers.subsidy.support.Gql.op("AcademyApplications").as(academy).var("first", 500);
            if (after != null) {
                q.var("after", after);
            }
            JsonPath p = q.ok();
            rows += p.getList("data.academyApplications.edges").size();
            after = p.getBoolean("data.academyApplications.pageInfo.hasNextPage") ? p.getString("data.academyApplications.pageInfo.endCursor")
                    : null;
        } while (after != null);
        out.append("academyApplications, ").append(rows).append(" rows in pages of 500: ").append(ms(t) - 1500).append(" ms\n");
        System.out.println(out);
        Files.writeString(Path.of("target", "sync-timing.txt"), out);
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
