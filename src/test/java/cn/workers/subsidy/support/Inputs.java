package cn.workers.subsidy.support;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Valid GraphQL input variables for the programme set-up mutations; tests change one field to break a rule. */
public final class Inputs {

    public static final List<String> EDUCATION_LEVELS = List.of("HIGH_SCHOOL", "ASSOCIATE", "BACHELOR", "MASTER");
    public static final List<String> SKILL_LEVELS = List.of("SKILL_5", "SKILL_4", "SKILL_3", "SKILL_2", "SKILL_1");

    private Inputs() {
    }

    /** A campaign on both tracks, window open now, reviewed GRASSROOTS → CITY, a standard for every level. */
    public static Map<String, Object> campaign(String name) {
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> m = new HashMap<>();
        m.put("year", LocalDate.now().getYear());
        m.put("name", name);
        m.put("opensAt", now.minusDays(1).toString());
        m.put("closesAt", now.plusDays(30).toString());
        m.put("tracks", List.of("EDUCATION", "SKILL"));
        m.put("reviewStages", List.of("GRASSROOTS", "TOWNSHIP", "COUNTY", "CITY"));
        m.put("standards", standards(EDUCATION_LEVELS, SKILL_LEVELS));
        m.put("minAge", 18);
        m.put("maxAge", 60);
        m.put("enrollmentSharePercent", 40);
        return m;
    }

    @SafeVarargs
    public static List<Map<String, Object>> standards(List<String>... ladders) {
        List<Map<String, Object>> out = new ArrayList<>();
        int fen = 100000;
        for (List<String> ladder : ladders) {
            for (String level : ladder) {
                fen += 50000;
                out.add(new HashMap<>(Map.of("level", level, "maxSubsidyFen", fen)));
            }
        }
        return out;
    }

    public static Map<String, Object> orgUnit(String code, String kind, String parentCode) {
        Map<String, Object> m = new HashMap<>();
        m.put("code", code);
        m.put("name", "工会 " + code);
        m.put("kind", kind);
        m.put("parentCode", parentCode);
        return m;
    }

    public static Map<String, Object> academy(String code, String kind, String parentCode, String orgUnitCode) {
        Map<String, Object> m = new HashMap<>();
        m.put("code", code);
        m.put("name", "工匠学院 " + code);
        m.put("kind", kind);
        m.put("parentCode", parentCode);
        m.put("orgUnitCode", orgUnitCode);
        return m;
    }

    public static Map<String, Object> course(long campaignId, String academyCode, String track, String level) {
        Map<String, Object> m = new HashMap<>();
        m.put("campaignId", String.valueOf(campaignId));
        m.put("academyCode", academyCode);
        m.put("name", "课程 " + level);
        m.put("track", track);
        m.put("targetLevel", level);
        m.put("tuitionFen", 480000);
        m.put("capacity", 40);
        m.put("startsOn", LocalDate.now().plusMonths(2).toString());
        m.put("externalCode", Fixtures.unique("EXT-"));
        return m;
    }

    public static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> m = new HashMap<>(base);
        m.put(key, value);
        return m;
    }
}
