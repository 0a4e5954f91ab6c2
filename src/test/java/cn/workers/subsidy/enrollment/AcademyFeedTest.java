package cn.workers.subsidy.enrollment;

import cn.workers.subsidy.support.Db;
import cn.workers.subsidy.support.Fixtures;
import cn.workers.subsidy.support.Gql;
import cn.workers.subsidy.support.Tokens;
import cn.workers.subsidy.support.World;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.workers.subsidy.support.Sync.at;
import static cn.workers.subsidy.support.Sync.event;
import static cn.workers.subsidy.support.Sync.send;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AcademyFeedTest {

    @Inject
    Fixtures fx;

    @Inject
    Db db;

    /** One node as the academy saw it. */
    record Seen(String id, String status, OffsetDateTime updatedAt, String cursor) {
    }

    private JsonPath page(String token, Integer first, String after, String updatedSince) {
        return Gql.op("AcademyApplications").as(token).varIfSet("first", first).varIfSet("after", after)
                .varIfSet("updatedSince", updatedSince).ok();
    }

    /** Pages from {@code after} until the end of what is visible now; returns the new cursor (the old one when nothing came). */
    private String drain(String token, String after, int first, List<Seen> into) {
        String cursor = after;
        while (true) {
            JsonPath p = page(token, first, cursor, null);
            List<Map<String, Object>> edges = p.getList("data.academyApplications.edges");
            for (int i = 0; i < edges.size(); i++) {
                String base = "data.academyApplications.edges[" + i + "].";
                into.add(new Seen(p.getString(base + "node.id"), p.getString(base + "node.status"),
                        OffsetDateTime.parse(p.getString(base + "node.updatedAt")), p.getString(base + "cursor")));
            }
            String end = p.getString("data.academyApplications.pageInfo.endCursor");
            cursor = end != null ? end : cursor;
            if (!p.getBoolean("data.academyApplications.pageInfo.hasNextPage")) {
                return cursor;
            }
        }
    }

    private long storedMicros(long applicationId) {
        return db.count("SELECT CAST(extract(epoch FROM updated_at) * 1000000 AS bigint) FROM application WHERE id = ?", applicationId);
    }

    private static long micros(OffsetDateTime t) {
        return t.toEpochSecond() * 1_000_000 + t.getNano() / 1000;
    }

    /** The academy's ever-approved rows at or below a cursor, as committed now: "id@updatedAt in microseconds". */
    private List<String> committedUpTo(long academyId, String cursor) {
        if (cursor == null) {
            return List.of();
        }
        String[] key = new String(java.util.Base64.getUrlDecoder().decode(cursor), java.nio.charset.StandardCharsets.UTF_8).split("\u001f");
        return db.column("SELECT id || '@' || CAST(extract(epoch FROM updated_at) * 1000000 AS bigint) FROM application"
                + " WHERE academy_id = ? AND approved_at IS NOT NULL AND (updated_at, id) <= (?, ?)", academyId,
                OffsetDateTime.parse(key[0]), Long.parseLong(key[1])).stream().map(Object::toString).toList();
    }

    /** Waits until rows written now are below the sync horizon (its safety margin is one second by default). */
    private void pastHorizon() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> Boolean.TRUE.equals(db.one("SELECT coalesce(max(updated_at), '-infinity') < clock_timestamp()"
                        + " - interval '1100 milliseconds' FROM application")));
    }

    @Test
    void anAcademySeesItsEverApprovedApplicationsWithFullPersonalDataAndOthersSeeThemMasked() throws Exception {
        World w = World.create(fx, "GRASSROOTS,CITY");
        long pool = fx.pool(w.campaign(), w.tree().city(), "EDUCATION", 20);
        String academy = Tokens.TEST.academy("client-feed", w.academyCode());
        long enrolled = fx.approved(w.campaign(), w.educationCourse(), w.tree().grassroots(), pool);
        long dropped = fx.approved(w.campaign(), w.educationCourse(), w.tree().grassroots(), pool);
        long withdrawn = fx.approved(w.campaign(), w.educationCourse(), w.tree().grassroots(), pool);
        db.update("UPDATE quota_pool SET approved = approved - 1 WHERE id = ?", pool);
        db.update("UPDATE application SET status = 'WITHDRAWN', quota_pool_id = NULL WHERE id = ?", withdrawn);
        long inReview = fx.application(fx.worker(Fixtures.unique("w-"), w.tree().grassroots()), w.campaign(), w.educationCourse(),
                "GRASSROOTS", w.tree().grassroots(), true);
        World other = World.create(fx, "CITY");
        fx.approved(other.campaign(), other.educationCourse(), other.tree().grassroots(),
                fx.pool(other.campaign(), other.tree().city(), "EDUCATION", 2));
        send(academy, List.of(event(enrolled, "F1", "ENROLLED", at(1)), event(dropped, "F2", "DROPPED", at(1))));
        pastHorizon();

        JsonPath all = page(academy, 50, null, null);
        List<String> ids = all.getList("data.academyApplications.edges.node.id");
        assertEquals(Set.of("" + enrolled, "" + dropped, "" + withdrawn), new HashSet<>(ids), all.prettify());
        assertFalse(ids.contains("" + inReview));
        Map<String, String> status = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            String base = "data.academyApplications.edges[" + i + "].node.";
            status.put(ids.get(i), all.getString(base + "status") + "/" + all.getString(base + "enrollment.externalRef"));
            String idNumber = all.getString(base + "worker.idNumber");
            String phone = all.getString(base + "worker.phone");
            assertTrue(idNumber.matches("\\d{17}[\\dX]"), idNumber);
            assertTrue(phone.matches("\\d{11}"), phone);
            assertEquals(db.one("SELECT external_code FROM course WHERE id = ?", w.educationCourse()), all.getString(base + "course.externalCode"));
        }
        assertEquals(Map.of("" + enrolled, "ENROLLED/F1", "" + dropped, "CANCELLED/F2", "" + withdrawn, "WITHDRAWN/null"), status);
        // updatedAt is the database's, in order; the sync watermark only moves forward
        List<OffsetDateTime> times = all.getList("data.academyApplications.edges.node.updatedAt", String.class).stream()
                .map(OffsetDateTime::parse).toList();
        for (int i = 1; i < times.size(); i++) {
            assertFalse(times.get(i).isBefore(times.get(i - 1)));
        }
        assertEquals(storedMicros(enrolled), micros(times.get(ids.indexOf("" + enrolled))));

        // updatedSince: from the second row's time on
        JsonPath since = page(academy, 50, null, times.get(1).toString());
        assertEquals(ids.subList(1, ids.size()), since.getList("data.academyApplications.edges.node.id"));

        // a reviewer in scope reads the same case masked
        JsonPath detail = Gql.op("ApplicationDetail").as(Tokens.TEST.reviewer("rv", w.tree().cityCode())).var("id", "" + enrolled).ok();
        assertThat(detail.getString("data.application.worker.phone"), org.hamcrest.Matchers.containsString("****"));
        assertThat(detail.getString("data.application.worker.idNumberMasked").substring(6, 14), equalTo("********"));
    }

    @Test
    void aTransitionAnswersTheUpdatedAtTheDatabaseStored() {
        World w = World.create(fx, "GRASSROOTS,CITY");
        JsonPath submitted = w.submission(w.workerSubject(), w.educationCourse(), Fixtures.unique("r")).ok();
        long id = Long.parseLong(submitted.getString("data.submitApplication.id"));
        assertEquals(storedMicros(id), micros(OffsetDateTime.parse(submitted.getString("data.submitApplication.updatedAt"))));
        JsonPath approved = Gql.op("ApproveApplication").as(Tokens.TEST.reviewer("rv", w.tree().grassrootsCode()))
                .vars(Map.of("id", "" + id, "expectedVersion", 1)).ok();
        assertEquals(storedMicros(id), micros(OffsetDateTime.parse(approved.getString("data.approveApplication.updatedAt"))));
    }

    @Test
    void limitsRolesAndScope() {
        World w = World.create(fx, "CITY");
        String academy = Tokens.TEST.academy("client-limits", w.academyCode());
        assertThat(Gql.op("AcademyApplications").as(academy).var("first", 501).errorCode(), equalTo("BATCH_TOO_LARGE"));
        assertThat(Gql.op("AcademyApplications").as(academy).var("after", "not-a-cursor!").errorCode(), equalTo("VALIDATION"));
        Fixtures.Tree t = w.tree();
        for (String token : List.of(w.workerToken(), Tokens.TEST.reviewer("rv", t.cityCode()), Tokens.TEST.admin("ad", t.provinceCode()),
                Tokens.TEST.finance("fi", t.provinceCode()), Tokens.TEST.token("client-no-code", List.of("academy"), null, null),
                Tokens.TEST.academy("client-ghost", "NO-SUCH-ACADEMY"))) {
            assertThat(Gql.op("AcademyApplications").as(token).errorCode(), equalTo("FORBIDDEN"));
        }
        JsonPath empty = page(academy, null, null, null);
        assertEquals(List.of(), empty.getList("data.academyApplications.edges"));
        assertNull(empty.getString("data.academyApplications.pageInfo.endCursor"));
    }

    /**
     * The race a timestamp watermark loses: a transaction that started earlier commits after one that
     * started later. The later row must not be handed out while the earlier transaction runs, or the
     * academy's cursor would pass the earlier row before it commits, and never see it.
     */
    @Test
    void aRunningTransactionHoldsTheWatermarkBackUntilItCommits() throws Exception {
        World w = World.create(fx, "CITY");
        long pool = fx.pool(w.campaign(), w.tree().city(), "EDUCATION", 10);
        String academy = Tokens.TEST.academy("client-race", w.academyCode());
        long slow = fx.approved(w.campaign(), w.educationCourse(), w.tree().grassroots(), pool);
        long fast = fx.approved(w.campaign(), w.educationCourse(), w.tree().grassroots(), pool);
        pastHorizon();
        List<Seen> seen = new ArrayList<>();
        String cursor = drain(academy, null, 10, seen);
        assertEquals(2, seen.size());
        try (Db.Held early = db.hold("UPDATE application SET version = version + 1 WHERE id = ?", slow)) {
            // the fast writer must start strictly after the held one: wait until the clock is past its start
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).pollInterval(java.time.Duration.ofMillis(10))
                    .until(() -> Boolean.TRUE.equals(db.one("SELECT coalesce(clock_timestamp() > min(xact_start) + interval '50 milliseconds', false)"
                            + " FROM pg_stat_activity WHERE state LIKE 'idle in transaction%' AND datname = current_database()")));
            db.update("UPDATE application SET version = version + 1 WHERE id = ?", fast);
            pastHorizon();
            List<Seen> during = new ArrayList<>();
            String held = drain(academy, cursor, 10, during);
            assertEquals(List.of(), during, "nothing after the running transaction's start is handed out");
            assertEquals(cursor, held);
            early.commit();
        }
        pastHorizon();
        List<Seen> after = new ArrayList<>();
        drain(academy, cursor, 10, after);
        assertEquals(List.of("" + slow, "" + fast), after.stream().map(Seen::id).toList());
        assertEquals(storedMicros(slow), micros(after.get(0).updatedAt()));
        assertTrue(after.get(0).updatedAt().isBefore(after.get(1).updatedAt()), "the earlier transaction's row sorts first");
    }

    /**
     * An academy keeps pulling small pages from its cursor while other transactions update its
     * applications, some of them slowly (a transaction that started earlier commits after one that
     * started later). Every change must arrive exactly once, in order, and the last one seen of
     * each application must be its final state.
     */
    @Test
    void pagingWhileUpdatesHappenNeitherMissesNorRepeatsAChange() throws Exception {
        World w = World.create(fx, "CITY");
        long pool = fx.pool(w.campaign(), w.tree().city(), "EDUCATION", 100);
        String academy = Tokens.TEST.academy("client-paging", w.academyCode());
        List<Long> apps = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            apps.add(fx.approved(w.campaign(), w.educationCourse(), w.tree().grassroots(), pool));
        }
        List<Seen> seen = new ArrayList<>();
        String cursor = null;
        long stopAt = System.currentTimeMillis() + 3000;
        java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger pagesRead = new java.util.concurrent.atomic.AtomicInteger();
        java.util.Random random = new java.util.Random(7);
        for (int t = 0; t < 3; t++) {
            long seed = random.nextLong();
            running.add(writers.submit(() -> {
                java.util.Random r = new java.util.Random(seed);
                while (System.currentTimeMillis() < stopAt) {
                    long id = apps.get(r.nextInt(apps.size()));
                    // a third of the writers are slow: their transaction stays open while the reader pages 1 to 3 times
                    int pages = r.nextInt(3) == 0 ? 1 + r.nextInt(3) : 0;
                    try (Db.Held writer = db.hold("UPDATE application SET version = version + 1 WHERE id = ?", id)) {
                        if (pages > 0) {
                            int read = pagesRead.get();
                            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                                    .until(() -> pagesRead.get() >= read + pages || System.currentTimeMillis() >= stopAt);
                        }
                        writer.commit();
                    }
                }
                return null;
            }));
        }
        running.add(writers.submit(() -> {
            for (int i = 0; i < 10; i++) {
                send(academy, List.of(event(apps.get(i), "P" + i, "ENROLLED", at(1))));
                // the next event waits until the reader has paged at least twice since this one: sync and paging interleave
                int read = pagesRead.get();
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> pagesRead.get() >= read + 2
                        || System.currentTimeMillis() >= stopAt);
            }
            return null;
        }));
        Set<String> changes = new HashSet<>();
        while (System.currentTimeMillis() < stopAt + 200) {
            int from = seen.size();
            cursor = drain(academy, cursor, 4, seen);
            seen.subList(from, seen.size()).forEach(s -> changes.add(s.id() + "@" + micros(s.updatedAt())));
            // below the cursor nothing can change any more: every committed row there must have arrived as it is
            for (String row : committedUpTo(w.academy(), cursor)) {
                assertTrue(changes.contains(row), "missed " + row + " below the cursor");
            }
            pagesRead.incrementAndGet();
        }
        for (var f : running) {
            f.get();
        }
        writers.shutdown();
        pastHorizon();
        cursor = drain(academy, cursor, 4, seen);

        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < seen.size(); i++) {
            Seen s = seen.get(i);
            assertTrue(distinct.add(s.id() + "@" + micros(s.updatedAt())), "change seen twice: " + s);
            if (i > 0) {
                Seen prev = seen.get(i - 1);
                int byTime = s.updatedAt().compareTo(prev.updatedAt());
                assertTrue(byTime > 0 || byTime == 0 && Long.parseLong(s.id()) > Long.parseLong(prev.id()), "out of order: " + prev + " " + s);
            }
        }
        Map<String, Seen> last = new HashMap<>();
        seen.forEach(s -> last.put(s.id(), s));
        assertEquals(apps.size(), last.size(), "every application arrived");
        for (long id : apps) {
            Seen s = last.get("" + id);
            assertEquals(storedMicros(id), micros(s.updatedAt()), "the last change of " + id + " arrived");
            assertEquals(db.one("SELECT status FROM application WHERE id = ?", id), s.status());
        }
        assertTrue(seen.size() > apps.size(), "changes arrived while the academy paged: " + seen.size());
        assertEquals(List.of(), page(academy, 10, cursor, null).getList("data.academyApplications.edges"));
    }
}
