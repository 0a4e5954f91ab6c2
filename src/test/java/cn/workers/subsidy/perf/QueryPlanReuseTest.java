package cn.workers.subsidy.perf;

import cn.workers.subsidy.support.Fixtures;
import cn.workers.subsidy.support.Gql;
import cn.workers.subsidy.support.Tokens;
import cn.workers.subsidy.support.World;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The hot operations reuse Hibernate's query plans: once an operation has run, running it again
 * plans no HQL query. Hibernate plans a native statement that returns rows anew on every call (its
 * plan cache never matches one), which cost several per cent of the server's CPU under load when the
 * reads were native; the hot reads use HQL. The one native statement of a submission (the application
 * and its history in one INSERT ... RETURNING, a round trip less than two entity inserts) is the one
 * plan it makes per call. Counted with Hibernate's statistics (on in the test profile).
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
        Gql.op("SubmitApplication").as(Tokens.worker(subject)).var("input", Map.of("campaignId", "" + w.campaign(),
                "courseId", "" + w.educationCourse(), "clientRequestId", requestId)).ok();
    }

    @Test
    void submitReviewQueueAndMyApplicationsPlanNothingTheSecondTime() {
        World w = World.create(fx, "GRASSROOTS,CITY");
        submit(w, "first");
        assertEquals(1, planned(() -> submit(w, "second")), "SubmitApplication planned more than its native insert again");

        String reviewer = Tokens.reviewer("plan-rv", w.tree().grassrootsCode());
        Runnable queue = () -> Gql.op("ReviewQueue").as(reviewer).vars(Map.of("campaignId", "" + w.campaign(), "stage", "GRASSROOTS",
                "first", 1)).ok();
        queue.run();
        assertEquals(0, planned(queue), "ReviewQueue planned a query again");

        Runnable mine = () -> Gql.op("MyApplications").as(w.workerToken()).ok();
        mine.run();
        assertEquals(0, planned(mine), "MyApplications planned a query again");
    }
}
