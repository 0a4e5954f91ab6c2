package cn.workers.subsidy.worker;

import cn.workers.subsidy.support.Db;
import cn.workers.subsidy.support.Fixtures;
import cn.workers.subsidy.support.Gql;
import cn.workers.subsidy.support.IdNumbers;
import cn.workers.subsidy.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ProfileTest {

    @Inject
    Fixtures fx;

    @Inject
    Db db;

    private static Map<String, Object> profile(String idNumber, String orgUnitCode) {
        Map<String, Object> in = new HashMap<>();
        in.put("name", "张三");
        in.put("idNumber", idNumber);
        in.put("phone", "13812345678");
        in.put("unionMemberNo", "ZJ-2026-0001");
        in.put("employer", "杭州某机械有限公司");
        in.put("employerKind", "ENTERPRISE");
        in.put("frontline", true);
        in.put("orgUnitCode", orgUnitCode);
        in.put("educationLevel", "HIGH_SCHOOL");
        in.put("skillGrade", "SKILL_5");
        return in;
    }

    private long profiles(String subject) {
        return db.count("SELECT count(*) FROM worker WHERE subject = ?", subject);
    }

    @Test
    void createsAndUpdatesTheCallersProfileWithMaskedIdNumber() {
        Fixtures.Tree t = fx.tree();
        String subject = Fixtures.unique("p-");
        String id = IdNumbers.aged(28);
        JsonPath r = Gql.op("UpdateMyProfile").as(Tokens.TEST.worker(subject)).var("input", profile(id, t.grassrootsCode())).ok();
        assertThat(r.getString("data.updateMyProfile.idNumberMasked"), equalTo(id.substring(0, 6) + "********" + id.substring(14)));
        assertThat(r.getString("data.updateMyProfile.orgUnit.code"), equalTo(t.grassrootsCode()));
        assertThat(r.getString("data.updateMyProfile.phone"), equalTo("13812345678"));
        Map<String, Object> changed = profile(id, t.grassrootsCode());
        changed.put("educationLevel", "ASSOCIATE");
        Gql.op("UpdateMyProfile").as(Tokens.TEST.worker(subject)).var("input", changed).ok();
        assertEquals(1, profiles(subject));
        assertEquals("ASSOCIATE", db.one("SELECT education_level FROM worker WHERE subject = ?", subject));
        // stored encrypted: neither the number nor the phone appears in clear
        assertEquals(0, db.count("SELECT count(*) FROM worker WHERE subject = ? AND (position(convert_to(?, 'UTF8') in id_number_enc) > 0"
                + " OR position(convert_to('13812345678', 'UTF8') in phone_enc) > 0)", subject, id));
        assertThat(Gql.op("Me").as(Tokens.TEST.worker(subject)).ok().getString("data.me.worker.employer"), equalTo("杭州某机械有限公司"));
    }

    @Test
    void invalidIdNumbersAreRefusedAndNothingStored() {
        Fixtures.Tree t = fx.tree();
        String subject = Fixtures.unique("p-");
        String valid = IdNumbers.aged(30);
        char wrong = valid.charAt(17) == '1' ? '2' : '1';
        for (String bad : new String[] {valid.substring(0, 17) + wrong, "33010619990230123X", "12345", "990106199001011234"}) {
            JsonPath r = Gql.op("UpdateMyProfile").as(Tokens.TEST.worker(subject)).var("input", profile(bad, t.grassrootsCode())).send();
            assertThat(bad, r.getString("errors[0].extensions.code"), equalTo("INVALID_ID_NUMBER"));
            assertThat(r.getString("errors[0].extensions.field"), equalTo("idNumber"));
            assertThat("the message never echoes the number", r.getString("errors[0].message").contains(bad), equalTo(false));
        }
        assertEquals(0, profiles(subject));
    }

    @Test
    void anIdNumberBelongsToOneSubject() {
        Fixtures.Tree t = fx.tree();
        String id = IdNumbers.aged(40);
        String first = Fixtures.unique("p-");
        String second = Fixtures.unique("p-");
        Gql.op("UpdateMyProfile").as(Tokens.TEST.worker(first)).var("input", profile(id, t.grassrootsCode())).ok();
        JsonPath r = Gql.op("UpdateMyProfile").as(Tokens.TEST.worker(second)).var("input", profile(id, t.grassrootsCode())).send();
        assertThat(r.getString("errors[0].extensions.code"), equalTo("VALIDATION"));
        assertThat(r.getString("errors[0].extensions.field"), equalTo("idNumber"));
        assertEquals(0, profiles(second));
    }

    @Test
    void orgUnitMustBeAWorkplaceUnionAndLevelsOnTheirLadders() {
        Fixtures.Tree t = fx.tree();
        String subject = Fixtures.unique("p-");
        String id = IdNumbers.aged(30);
        assertField(subject, profile(id, t.townshipCode()), "orgUnitCode");
        assertField(subject, profile(id, "NO-SUCH-UNIT"), "orgUnitCode");
        Map<String, Object> wrongLadder = profile(id, t.grassrootsCode());
        wrongLadder.put("educationLevel", "SKILL_3");
        assertField(subject, wrongLadder, "educationLevel");
        Map<String, Object> wrongGrade = profile(id, t.grassrootsCode());
        wrongGrade.put("skillGrade", "MASTER");
        assertField(subject, wrongGrade, "skillGrade");
        Map<String, Object> badPhone = profile(id, t.grassrootsCode());
        badPhone.put("phone", "12345");
        assertField(subject, badPhone, "phone");
        Map<String, Object> blankName = profile(id, t.grassrootsCode());
        blankName.put("name", "  ");
        assertField(subject, blankName, "name");
        assertEquals(0, profiles(subject));
    }

    private void assertField(String subject, Map<String, Object> input, String field) {
        JsonPath r = Gql.op("UpdateMyProfile").as(Tokens.TEST.worker(subject)).var("input", input).send();
        assertThat(r.getString("errors[0].extensions.code"), equalTo("VALIDATION"));
        assertThat(r.getString("errors[0].extensions.field"), equalTo(field));
    }

    @Test
    void onlyWorkersHaveProfiles() {
        Fixtures.Tree t = fx.tree();
        assertThat(Gql.op("UpdateMyProfile").as(Tokens.TEST.reviewer("r", t.grassrootsCode())).var("input", profile(IdNumbers.aged(30), t.grassrootsCode()))
                .errorCode(), equalTo("FORBIDDEN"));
        assertEquals(0, profiles("r"));
    }
}
