package cn.workers.subsidy.perf;

import cn.workers.subsidy.common.db.Sql;
import cn.workers.subsidy.support.Fixtures;
import cn.workers.subsidy.support.Gql;
import cn.workers.subsidy.support.QuietBackground;
import cn.workers.subsidy.support.Tokens;
import cn.workers.subsidy.support.World;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No N+1: the number of SQL statements a list query runs does not grow with the page size (nested
 * fields are loaded in one batch per field). Counted with Hibernate's statistics in the test profile,
 * plus the native statements that run past Hibernate (Sql).
 */
@QuarkusTest
@TestProfile(QuietBackground.class)
class StatementCountTest {

    @Inject
    Fixtures fx;

    @Inject
    Mutiny.SessionFactory sessions;

    private long statements(Runnable call) {
        Statistics stats = sessions.getStatistics();
        long prepared = stats.getPrepareStatementCount();
        long queries = stats.getQueryExecutionCount();
        long fetches = stats.getEntityFetchCount() + stats.getCollectionFetchCount();
        long rows = Sql.executed();
        call.run();
        System.out.println("  prepared " + (stats.getPrepareStatementCount() - prepared) + ", queries " + (stats.getQueryExecutionCount() - queries)
                + ", entity/collection fetches " + (stats.getEntityFetchCount() + stats.getCollectionFetchCount() - fetches)
                + ", Sql statements " + (Sql.executed() - rows));
        return stats.getPrepareStatementCount() - prepared + stats.getQueryExecutionCount() - queries
                + stats.getEntityFetchCount() + stats.getCollectionFetchCount() - fetches + Sql.executed() - rows;
    }

    @Test
    void reviewQueueAndMyApplicationsCostTheSameForAnyPageSize() {
        World w = World.create(fx, "GRASSROOTS,CITY");
        for (int i = 0; i < 30; i++) {
            long worker = fx.worker(Fixtures.unique("n1-"), w.tree().grassroots());
            fx.application(worker, w.campaign(), i % 2 == 0 ? w.educationCourse() : w.skillCourse(), "GRASSROOTS", w.tree().grassroots(), true);
        }
        String reviewer = Tokens.TEST.reviewer("n1-rv", w.tree().grassrootsCode());
        long small = statements(() -> Gql.op("ReviewQueue").as(reviewer).vars(Map.of("campaignId", "" + w.campaign(), "stage", "GRASSROOTS",
                "first", 2)).ok());
        long large = statements(() -> Gql.op("ReviewQueue").as(reviewer).vars(Map.of("campaignId", "" + w.campaign(), "stage", "GRASSROOTS",
                "first", 30)).ok());
        System.out.println("ReviewQueue statements: first=2 -> " + small + ", first=30 -> " + large);
        assertTrue(small > 0, "the statistics count statements");
        assertEquals(small, large, "ReviewQueue statements must not grow with the page size");

        long courses2 = statements(() -> Gql.op("Courses").as(w.workerToken()).vars(Map.of("campaignId", "" + w.campaign(), "first", 1)).ok());
        long courses20 = statements(() -> Gql.op("Courses").as(w.workerToken()).vars(Map.of("campaignId", "" + w.campaign(), "first", 20)).ok());
        System.out.println("Courses statements: first=1 -> " + courses2 + ", first=20 -> " + courses20);
        assertEquals(courses2, courses20, "Courses statements must not grow with the page size");
    }

    @Test
    void aSubmissionAnswersItsCampaignCourseAndAcademyFromItsOwnRead() {
        World w = World.create(fx, "GRASSROOTS,CITY");
        String subject = Fixtures.unique("n1-sub-");
        fx.worker(subject, w.tree().grassroots());
        Statistics stats = sessions.getStatistics();
        long queries = stats.getQueryExecutionCount();
        long fetches = stats.getEntityFetchCount();
        long rows = Sql.executed();
        var r = w.submission(subject, w.educationCourse(), "n1").ok();
        // the facts read and the insert; campaign { id name } and course { id name academy { ... } } need no query of their own
        assertEquals(1, stats.getQueryExecutionCount() - queries, "SubmitApplication ran Hibernate queries beyond its facts read");
        assertEquals(1, Sql.executed() - rows, "SubmitApplication ran native statements beyond its insert");
        assertEquals(0, stats.getEntityFetchCount() - fetches, "SubmitApplication fetched entities by id");
        assertEquals(w.academyCode(), r.getString("data.submitApplication.course.academy.code"));
    }
}
