package cn.workers.subsidy.campaign;

import cn.workers.subsidy.support.Callers;
import cn.workers.subsidy.support.Db;
import cn.workers.subsidy.support.Fixtures;
import cn.workers.subsidy.support.Gql;
import cn.workers.subsidy.support.Inputs;
import cn.workers.subsidy.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class CampaignsTest {

    @Inject
    Fixtures fx;

    @Inject
    Db db;

    private String provinceAdmin() {
        return Tokens.TEST.admin(Fixtures.unique("admin-"), fx.tree().provinceCode());
    }

    private long create(String admin, Map<String, Object> input) {
        JsonPath r = Gql.op("CreateCampaign").as(admin).var("input", input).ok();
        assertEquals("DRAFT", r.getString("data.createCampaign.status"));
        return Long.parseLong(r.getString("data.createCampaign.id"));
    }

    private String status(long id) {
        return (String) db.one("SELECT status FROM campaign WHERE id = ?", id);
    }

    @Test
    void aCampaignIsCreatedAndReadBackWithItsStandards() {
        String name = Fixtures.unique("学历与技能提升行动 ");
        Map<String, Object> input = Inputs.campaign(name);
        long id = create(provinceAdmin(), input);

        JsonPath r = Gql.op("Campaigns").as(Tokens.TEST.worker(Fixtures.unique("w-"))).ok();
        List<Map<String, Object>> all = r.getList("data.campaigns");
        Map<String, Object> c = all.stream().filter(m -> String.valueOf(id).equals(m.get("id"))).findFirst().orElseThrow();
        assertEquals(name, c.get("name"));
        assertEquals(input.get("year"), c.get("year"));
        assertEquals(List.of("EDUCATION", "SKILL"), c.get("tracks"));
        assertEquals(List.of("GRASSROOTS", "TOWNSHIP", "COUNTY", "CITY"), c.get("reviewStages"));
        assertEquals(18, c.get("minAge"));
        assertEquals(60, c.get("maxAge"));
        assertEquals(40, c.get("enrollmentSharePercent"));
        assertEquals(java.time.OffsetDateTime.parse((String) input.get("opensAt")).toInstant(),
                java.time.OffsetDateTime.parse((String) c.get("opensAt")).toInstant());
        List<Map<String, Object>> standards = (List<Map<String, Object>>) c.get("standards");
        assertEquals(9, standards.size());
        assertEquals(Map.of("level", "HIGH_SCHOOL", "levelLabel", "高中/中专/技校", "maxSubsidyFen", 150000), standards.get(0));
        assertEquals(Map.of("level", "SKILL_1", "levelLabel", "一级/高级技师", "maxSubsidyFen", 550000), standards.get(8));
        assertTrue(db.one("SELECT created_by FROM campaign WHERE id = ?", id).toString().startsWith("admin-"));
    }

    @Test
    void oneTrackFewerStagesAndTheDefaultShare() {
        Map<String, Object> input = Inputs.campaign(Fixtures.unique("技能晋级专项 "));
        input.put("tracks", List.of("SKILL"));
        input.put("reviewStages", List.of("GRASSROOTS", "CITY"));
        input.put("standards", Inputs.standards(Inputs.SKILL_LEVELS));
        input.remove("enrollmentSharePercent");
        input.remove("minAge");
        input.remove("maxAge");
        long id = create(provinceAdmin(), input);
        assertEquals(50, ((Number) db.one("SELECT enrollment_share_percent FROM campaign WHERE id = ?", id)).intValue());
        assertEquals(5L, db.count("SELECT count(*) FROM subsidy_standard WHERE campaign_id = ?", id));
        assertNull(db.one("SELECT min_age FROM campaign WHERE id = ?", id));
    }

    @Test
    void theStatusMovesOnlyForwardOneStepAtATime() {
        String admin = provinceAdmin();
        long id = create(admin, Inputs.campaign(Fixtures.unique("行动 ")));
        String ref = String.valueOf(id);

        assertEquals("ILLEGAL_TRANSITION", Gql.op("CloseCampaign").as(admin).var("id", ref).errorCode());
        assertEquals("DRAFT", status(id));
        assertEquals("OPEN", Gql.op("OpenCampaign").as(admin).var("id", ref).ok().getString("data.openCampaign.status"));
        assertEquals("ILLEGAL_TRANSITION", Gql.op("OpenCampaign").as(admin).var("id", ref).errorCode());
        assertEquals("OPEN", status(id));
        assertEquals("CLOSED", Gql.op("CloseCampaign").as(admin).var("id", ref).ok().getString("data.closeCampaign.status"));
        assertEquals("ILLEGAL_TRANSITION", Gql.op("OpenCampaign").as(admin).var("id", ref).errorCode());
        assertEquals("CLOSED", status(id));
        assertEquals("ARCHIVED", Gql.op("ArchiveCampaign").as(admin).var("id", ref).ok().getString("data.archiveCampaign.status"));
        assertEquals("ILLEGAL_TRANSITION", Gql.op("CloseCampaign").as(admin).var("id", ref).errorCode());
        assertEquals("ARCHIVED", status(id));

        JsonPath open = Gql.op("Campaigns").as(Tokens.TEST.worker(Fixtures.unique("w-"))).var("status", "ARCHIVED").ok();
        assertTrue(open.getList("data.campaigns.id").contains(ref));
        assertFalse(Gql.op("Campaigns").as(admin).var("status", "OPEN").ok().getList("data.campaigns.id").contains(ref));
    }

    @Test
    void unknownCampaignsAreNotFound() {
        String admin = provinceAdmin();
        assertEquals("NOT_FOUND", Gql.op("OpenCampaign").as(admin).var("id", "999999999").errorCode());
        assertEquals("NOT_FOUND", Gql.op("OpenCampaign").as(admin).var("id", "not-a-number").errorCode());
    }

    @Test
    void onlyAProvinceAdministratorCreatesOrMovesCampaigns() {
        Fixtures.Tree t = fx.tree();
        String name = Fixtures.unique("越权 ");
        Map<String, Object> input = Inputs.campaign(name);
        long draft = fx.campaign("DRAFT", "GRASSROOTS,CITY", java.time.Instant.now(), java.time.Instant.now().plusSeconds(86400), null, null, 50);
        Map<String, String> denied = new java.util.LinkedHashMap<>(Callers.nonAdmins(t.provinceCode(), "ZJGJ"));
        denied.put("city admin", Tokens.TEST.admin(Fixtures.unique("a-"), t.cityCode()));
        denied.put("admin without org unit", Tokens.TEST.admin(Fixtures.unique("a-"), null));
        denied.forEach((who, token) -> {
            assertEquals("FORBIDDEN", Gql.op("CreateCampaign").as(token).var("input", input).errorCode(), who);
            assertEquals("FORBIDDEN", Gql.op("OpenCampaign").as(token).var("id", String.valueOf(draft)).errorCode(), who);
        });
        assertEquals("UNAUTHENTICATED", Gql.op("CreateCampaign").var("input", input).errorCode());
        assertEquals(0L, db.count("SELECT count(*) FROM campaign WHERE name = ?", name));
        assertEquals("DRAFT", status(draft));
    }
}
