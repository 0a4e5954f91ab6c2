package cn.workers.subsidy.perf;

import cn.workers.subsidy.support.Fixtures;
import cn.workers.subsidy.support.Gql;
import cn.workers.subsidy.support.Sync;
import cn.workers.subsidy.support.Tokens;
import cn.workers.subsidy.support.World;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The hot operations reuse Hibernate's query plans: once an operation has run, running it again
 * plans no query. Counted with Hibernate's statistics (on in the test profile): a plan cache miss is
 * also one more cache entry. Hibernate Reactive never finds a native select's plan again (its result
 * mapping has no equals) and stores a new entry under the SQL text's hash on every call; under load
 * thousands of them pile up in one bin of the cache and every lookup walks them. The hot reads are
 * HQL, and the native statements that return rows on these paths run through Sql, past the
 * plan cache: submit, a final approval (the pool's conditional update), an enrollment sync and the
 * academy pull.
 */
@QuarkusTest
class QueryPlanReuseTest {

    @Inject
    Fixtures fx;

    @Inject
    Mutiny.SessionFactory sessions;

    private long planned(Runnable call) {
        Statistics stats = sessions.getStatistics();
        long before = stats.getQueryPlanCacheMissCount();
        call.run();
        return stats.getQueryPlanCacheMissCount() - before;
    }

    private void submit(World w, String requestId) {
        String subject = Fixtures.unique("plan-");
        fx.worker(subject, w.tree().grassroots());
        w.submission(subject, w.educationCourse(), requestId).ok();
    }

    @Test
    void submitReviewQueueAndMyApplicationsPlanNothingTheSecondTime() {
        World w = World.create(fx, "GRASSROOTS,CITY");
        submit(w, "first");
        assertEquals(0, planned(() -> submit(w, "second")), "SubmitApplication planned a query again");

        String reviewer = Tokens.TEST.reviewer("plan-rv", w.tree().grassrootsCode());
        Runnable queue = () -> Gql.op("ReviewQueue").as(reviewer).vars(Map.of("campaignId", "" + w.campaign(), "stage", "GRASSROOTS",
                "first", 1)).ok();
        queue.run();
        assertEquals(0, planned(queue), "ReviewQueue planned a query again");

        Runnable mine = () -> Gql.op("MyApplications").as(w.workerToken()).ok();
        mine.run();
        assertEquals(0, planned(mine), "MyApplications planned a query again");
    }

    @Test
    void aFinalApprovalAnEnrollmentSyncAndTheAcademyPullPlanNothingTheSecondTime() {
        World w = World.create(fx, "GRASSROOTS");
        long pool = fx.pool(w.campaign(), w.tree().city(), "EDUCATION", 10);
        String reviewer = Tokens.TEST.reviewer("plan-rv", w.tree().grassrootsCode());
        java.util.function.LongConsumer approve = id -> Gql.op("ApproveApplication").as(reviewer)
                .vars(Map.of("id", "" + id, "expectedVersion", 1)).ok();
        List<Long> cases = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            long worker = fx.worker(Fixtures.unique("plan-"), w.tree().grassroots());
            cases.add(fx.application(worker, w.campaign(), w.educationCourse(), "GRASSROOTS", w.tree().grassroots(), true));
        }
        approve.accept(cases.get(0));
        assertEquals(0, planned(() -> approve.accept(cases.get(1))), "ApproveApplication planned a query again");

        String academy = Tokens.TEST.academy(Fixtures.unique("plan-client-"), w.academyCode());
        Sync.send(academy, List.of(Sync.event(cases.get(0), "plan-0", "ENROLLED", Sync.at(1))));
        assertEquals(0, planned(() -> Sync.send(academy, List.of(Sync.event(cases.get(1), "plan-1", "ENROLLED", Sync.at(1))))),
                "SyncEnrollments planned a query again");

        Runnable pull = () -> Gql.op("AcademyApplications").as(academy).var("first", 10).ok();
        pull.run();
        assertEquals(0, planned(pull), "AcademyApplications planned a query again");
    }
}
