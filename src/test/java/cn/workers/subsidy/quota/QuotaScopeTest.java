package cn.workers.subsidy.quota;

import cn.workers.subsidy.support.Db;
import cn.workers.subsidy.support.Fixtures;
import cn.workers.subsidy.support.Gql;
import cn.workers.subsidy.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.workers.subsidy.quota.QuotaAdminTest.allocation;
import static cn.workers.subsidy.quota.QuotaAdminTest.transfer;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A city administrator manages the pools inside the city only (pools at COUNTY level here). */
@QuarkusTest
class QuotaScopeTest {

    @Inject
    Fixtures fx;

    @Inject
    Db db;

    Fixtures.Tree hz;
    Fixtures.Tree nb;
    long secondCounty;
    String secondCountyCode;
    long campaign;
    String cityAdmin;

    @BeforeEach
    void world() {
        hz = fx.tree();
        nb = fx.treeUnder(hz.province(), hz.provinceCode());
        secondCountyCode = Fixtures.unique("K");
        secondCounty = fx.orgUnit(secondCountyCode, "区总工会 " + secondCountyCode, "COUNTY", hz.city());
        campaign = fx.openCampaign("GRASSROOTS,TOWNSHIP,COUNTY");
        cityAdmin = Tokens.TEST.admin(Fixtures.unique("hz-admin-"), hz.cityCode());
        String province = Tokens.TEST.admin(Fixtures.unique("admin-"), hz.provinceCode());
        for (String county : List.of(hz.countyCode(), secondCountyCode, nb.countyCode())) {
            Gql.op("AllocateQuota").as(province).var("input", allocation(campaign, county, "SKILL", 50)).ok();
        }
    }

    private List<Object> allocations() {
        return db.column("SELECT allocated FROM quota_pool WHERE campaign_id = ? ORDER BY id", campaign);
    }

    @Test
    void insideTheCityEverythingGoes() {
        assertEquals(60, Gql.op("AllocateQuota").as(cityAdmin).var("input", allocation(campaign, hz.countyCode(), "SKILL", 60)).ok()
                .getInt("data.allocateQuota.allocated"));
        JsonPath r = Gql.op("TransferQuota").as(cityAdmin).var("input", transfer(campaign, "SKILL", hz.countyCode(), secondCountyCode, 10)).ok();
        assertEquals(List.of(50, 60), r.getList("data.transferQuota.allocated"));
    }

    @Test
    void anotherCitysPoolsAreOutOfReach() {
        List<Object> before = allocations();
        assertEquals("FORBIDDEN", Gql.op("AllocateQuota").as(cityAdmin).var("input", allocation(campaign, nb.countyCode(), "SKILL", 99)).errorCode());
        assertEquals("FORBIDDEN", Gql.op("TransferQuota").as(cityAdmin).var("input", transfer(campaign, "SKILL", hz.countyCode(), nb.countyCode(), 5)).errorCode());
        assertEquals("FORBIDDEN", Gql.op("TransferQuota").as(cityAdmin).var("input", transfer(campaign, "SKILL", nb.countyCode(), hz.countyCode(), 5)).errorCode());
        String ningboAdmin = Tokens.TEST.admin(Fixtures.unique("nb-admin-"), nb.cityCode());
        assertEquals("FORBIDDEN", Gql.op("AllocateQuota").as(ningboAdmin).var("input", allocation(campaign, secondCountyCode, "SKILL", 1)).errorCode());
        String countyAdmin = Tokens.TEST.admin(Fixtures.unique("k-admin-"), hz.countyCode());
        assertEquals("FORBIDDEN", Gql.op("TransferQuota").as(countyAdmin).var("input", transfer(campaign, "SKILL", hz.countyCode(), secondCountyCode, 5)).errorCode());
        assertEquals(before, allocations());
    }
}
