package cn.workers.subsidy.review;

import cn.workers.subsidy.support.Db;
import cn.workers.subsidy.support.Fixtures;
import cn.workers.subsidy.support.Gql;
import cn.workers.subsidy.support.GqlSocket;
import cn.workers.subsidy.support.Tokens;
import cn.workers.subsidy.support.World;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class QuotaLiveAndStatsTest {

    @Inject
    Fixtures fx;

    @Inject
    Db db;

    @Test
    void subscribersSeeThePoolChangeOfTheirCampaignOnly() throws Exception {
        World w = World.create(fx, "GRASSROOTS");
        World other = World.create(fx, "GRASSROOTS");
        long pool = fx.pool(w.campaign(), w.tree().city(), "EDUCATION", 3);
        long otherPool = fx.pool(other.campaign(), other.tree().city(), "EDUCATION", 3);
        long app = fx.application(w.worker(), w.campaign(), w.educationCourse(), "GRASSROOTS", w.tree().grassroots(), true);
        long otherApp = fx.application(other.worker(), other.campaign(), other.educationCourse(), "GRASSROOTS", other.tree().grassroots(), true);
        try (GqlSocket console = GqlSocket.connect(Tokens.TEST.reviewer("console", w.tree().cityCode()), false)
                .subscribe("q", "QuotaChanged", Map.of("campaignId", "" + w.campaign()))) {
            Gql.op("ApproveApplication").as(Tokens.TEST.reviewer("rv2", other.tree().grassrootsCode()))
                    .vars(Map.of("id", "" + otherApp, "expectedVersion", 1)).ok();
            Gql.op("ApproveApplication").as(Tokens.TEST.reviewer("rv", w.tree().grassrootsCode())).vars(Map.of("id", "" + app, "expectedVersion", 1)).ok();
            JsonObject changed = console.nextData(15).getJsonObject("quotaChanged");
            assertEquals("" + pool, changed.getString("id"), "the first event is this campaign's pool, not the other's " + otherPool);
            assertEquals(1, changed.getInteger("approved"));
            assertEquals(2, changed.getInteger("remaining"));
            assertEquals(w.tree().cityCode(), changed.getJsonObject("orgUnit").getString("code"));
        }
    }

    @Test
    void statsCountByStatusAndPoolInsideTheCallersSubtree() {
        World w = World.create(fx, "GRASSROOTS,CITY");
        long pool = fx.pool(w.campaign(), w.tree().city(), "EDUCATION", 10);
        fx.application(w.worker(), w.campaign(), w.educationCourse(), "GRASSROOTS", w.tree().grassroots(), true);
        long second = fx.worker(Fixtures.unique("s-"), w.tree().grassroots());
        fx.application(second, w.campaign(), w.educationCourse(), "CITY", w.tree().city(), false);
        Fixtures.Tree elsewhere = fx.treeUnder(w.tree().province(), w.tree().provinceCode());
        long stranger = fx.worker(Fixtures.unique("s-"), elsewhere.grassroots());
        fx.application(stranger, w.campaign(), w.educationCourse(), "GRASSROOTS", elsewhere.grassroots(), true);

        JsonPath province = Gql.op("CampaignStats").as(Tokens.TEST.admin("adm", w.tree().provinceCode())).var("campaignId", "" + w.campaign()).ok();
        assertThat(province.getInt("data.campaignStats.byStatus.find { it.status == 'SUBMITTED' }.count"), equalTo(2));
        assertThat(province.getInt("data.campaignStats.byStatus.find { it.status == 'IN_REVIEW' }.count"), equalTo(1));
        assertThat(province.getList("data.campaignStats.byPool"), hasSize(1));
        assertThat(province.getString("data.campaignStats.byPool[0].pool.id"), equalTo("" + pool));
        assertThat(province.getInt("data.campaignStats.byPool[0].submitted"), equalTo(1));
        assertThat(province.getInt("data.campaignStats.byPool[0].inReview"), equalTo(1));

        JsonPath city = Gql.op("CampaignStats").as(Tokens.TEST.auditor("aud", elsewhere.cityCode())).var("campaignId", "" + w.campaign()).ok();
        assertThat(city.getInt("data.campaignStats.byStatus.find { it.status == 'SUBMITTED' }.count"), equalTo(1));
        assertThat(city.getList("data.campaignStats.byPool"), hasSize(0));

        for (String token : List.of(Tokens.TEST.reviewer("r", w.tree().cityCode()), w.workerToken(), Tokens.TEST.finance("f", w.tree().provinceCode()),
                Tokens.TEST.academy("a", w.academyCode()))) {
            assertThat(Gql.op("CampaignStats").as(token).var("campaignId", "" + w.campaign()).errorCode(), equalTo("FORBIDDEN"));
        }
        assertThat(Gql.op("CampaignStats").as(Tokens.TEST.admin("adm", w.tree().provinceCode())).var("campaignId", "987654321").errorCode(),
                equalTo("NOT_FOUND"));
    }
}
