package cn.workers.subsidy.dev;

import cn.workers.subsidy.academy.AcademyInput;
import cn.workers.subsidy.vocabulary.AcademyKind;
import cn.workers.subsidy.campaign.CampaignRules;
import cn.workers.subsidy.vocabulary.Level;
import cn.workers.subsidy.course.CourseInput;
import cn.workers.subsidy.org.OrgImportPlan;
import cn.workers.subsidy.org.OrgUnitInput;
import cn.workers.subsidy.vocabulary.OrgUnitKind;
import cn.workers.subsidy.quota.AllocateQuotaInput;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dev demo files hold together under the same rules the API applies (no database needed). */
class DemoFilesTest {

    private final List<OrgUnitInput> units = DemoFiles.orgUnits();
    private final Map<String, OrgUnitInput> byCode = units.stream().collect(Collectors.toMap(OrgUnitInput::code, Function.identity()));

    @Test
    void theOrgTreeIsValidOnItsOwn() {
        assertEquals(units.size(), OrgImportPlan.of(units).validate(Map.of(), Map.of(), List.of()).size());
        assertEquals(OrgUnitKind.PROVINCE, byCode.get("330000").kind());
        for (String city : List.of("330100", "330200", "330300", "330400", "330500", "330600", "330700", "330800", "330900", "331000", "331100")) {
            assertEquals(OrgUnitKind.CITY, byCode.get(city).kind(), city);
            assertTrue(units.stream().anyMatch(u -> city.equals(u.parentCode()) && u.kind() == OrgUnitKind.COUNTY), city + " has counties");
        }
        assertTrue(units.stream().filter(u -> u.kind() == OrgUnitKind.INDUSTRY_UNION).count() >= 3);
    }

    @Test
    void theDemoIdentitiesSitAtUnitsThatExist() {
        assertEquals("330100", byCode.get("330106").parentCode());
        assertEquals("330106", byCode.get("330106001").parentCode());
        assertEquals("330106001", byCode.get("330106001001").parentCode());
        for (DemoIdentity identity : DemoIdentity.ALL) {
            if (identity.orgUnit() != null) {
                assertNotNull(byCode.get(identity.orgUnit()), identity.username());
            }
        }
        Set<String> academies = DemoFiles.academies().stream().map(AcademyInput::code).collect(Collectors.toSet());
        DemoIdentity.ALL.stream().filter(i -> i.academyCode() != null).forEach(i -> assertTrue(academies.contains(i.academyCode()), i.username()));
    }

    @Test
    void academiesHangTogether() {
        Map<String, AcademyInput> academies = DemoFiles.academies().stream().collect(Collectors.toMap(AcademyInput::code, Function.identity()));
        assertEquals(AcademyKind.HEADQUARTERS, academies.get("ZJGJ").kind());
        assertEquals("ZJGJ", academies.get("ZJGJ-HZ").parentCode());
        assertTrue(academies.values().stream().anyMatch(a -> a.kind() == AcademyKind.TRAINING_BASE));
        assertTrue(academies.values().stream().anyMatch(a -> a.kind() == AcademyKind.COLLEGE));
        for (AcademyInput a : academies.values()) {
            assertNotNull(byCode.get(a.orgUnitCode()), a.code());
            if (a.parentCode() != null) {
                assertNotNull(academies.get(a.parentCode()), a.code());
            }
        }
    }

    @Test
    void theCampaignIsOpenNowWithPoolsAndACourseForEveryLevel() {
        DemoFiles.Programme p = DemoFiles.programme();
        CampaignRules.check(p.campaign());
        OffsetDateTime now = OffsetDateTime.now();
        assertTrue(p.campaign().opensAt().isBefore(now) && p.campaign().closesAt().isAfter(now));
        assertEquals(now.atZoneSameInstant(DemoFiles.ZONE).getYear(), p.campaign().year());

        List<AllocateQuotaInput> pools = p.quotas("1");
        Set<String> pooled = pools.stream().map(AllocateQuotaInput::orgUnitCode).collect(Collectors.toSet());
        Set<String> cityLevel = units.stream().filter(u -> u.kind() == OrgUnitKind.CITY || u.kind() == OrgUnitKind.INDUSTRY_UNION)
                .map(OrgUnitInput::code).collect(Collectors.toSet());
        assertEquals(cityLevel, pooled);
        assertEquals(600, pools.stream().filter(q -> q.orgUnitCode().equals("330100")).mapToInt(AllocateQuotaInput::allocated).sum());

        Set<String> academies = DemoFiles.academies().stream().map(AcademyInput::code).collect(Collectors.toSet());
        EnumSet<Level> offered = EnumSet.noneOf(Level.class);
        for (CourseInput c : p.courses("1")) {
            assertEquals(c.track(), c.targetLevel().track(), c.externalCode());
            assertTrue(academies.contains(c.academyCode()), c.externalCode());
            offered.add(c.targetLevel());
        }
        assertEquals(EnumSet.allOf(Level.class), offered);
        assertTrue(p.courses("1").stream().anyMatch(c -> c.academyCode().equals("ZJGJ-HZ")));
    }
}
