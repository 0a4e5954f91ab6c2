package cn.workers.subsidy.dev;

import cn.workers.subsidy.academy.AcademyInput;
import cn.workers.subsidy.vocabulary.AcademyKind;
import cn.workers.subsidy.campaign.CampaignInput;
import cn.workers.subsidy.vocabulary.Level;
import cn.workers.subsidy.campaign.SubsidyStandardInput;
import cn.workers.subsidy.vocabulary.Track;
import cn.workers.subsidy.course.CourseInput;
import cn.workers.subsidy.org.OrgUnitInput;
import cn.workers.subsidy.vocabulary.OrgUnitKind;
import cn.workers.subsidy.quota.AllocateQuotaInput;
import cn.workers.subsidy.vocabulary.ReviewStage;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo data files in {@code src/main/resources/demo/}, read into the same inputs the API takes
 * (org-units.json has the format of importOrgUnits' {@code units}). Dates in campaign.json are
 * relative to today, so that the demo campaign is always open.
 */
final class DemoFiles {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private DemoFiles() {
    }

    static List<OrgUnitInput> orgUnits() {
        List<OrgUnitInput> out = new ArrayList<>();
        for (Object o : new JsonArray(read("org-units.json"))) {
            JsonObject u = (JsonObject) o;
            out.add(new OrgUnitInput(u.getString("code"), u.getString("name"), OrgUnitKind.valueOf(u.getString("kind")), u.getString("parentCode")));
        }
        return out;
    }

    static List<AcademyInput> academies() {
        List<AcademyInput> out = new ArrayList<>();
        for (Object o : new JsonArray(read("academies.json"))) {
            JsonObject a = (JsonObject) o;
            out.add(new AcademyInput(a.getString("code"), a.getString("name"), AcademyKind.valueOf(a.getString("kind")),
                    a.getString("parentCode"), a.getString("orgUnitCode")));
        }
        return out;
    }

    /** The demo campaign, its pools and its courses (which need the campaign's id). */
    record Programme(CampaignInput campaign, JsonArray quotas, JsonArray courses) {

        List<AllocateQuotaInput> quotas(String campaignId) {
            List<AllocateQuotaInput> out = new ArrayList<>();
            for (Object o : quotas) {
                JsonObject q = (JsonObject) o;
                for (Track track : Track.values()) {
                    out.add(new AllocateQuotaInput(campaignId, q.getString("orgUnitCode"), track, q.getInteger(track.name())));
                }
            }
            return out;
        }

        List<CourseInput> courses(String campaignId) {
            LocalDate today = LocalDate.now(ZONE);
            List<CourseInput> out = new ArrayList<>();
            for (Object o : courses) {
                JsonObject c = (JsonObject) o;
                out.add(new CourseInput(campaignId, c.getString("academyCode"), c.getString("name"), Track.valueOf(c.getString("track")),
                        Level.valueOf(c.getString("targetLevel")), c.getInteger("tuitionFen"), c.getInteger("capacity"),
                        today.plusDays(c.getInteger("startsInDays")), c.getString("externalCode")));
            }
            return out;
        }
    }

    static Programme programme() {
        JsonObject file = new JsonObject(read("campaign.json"));
        JsonObject c = file.getJsonObject("campaign");
        OffsetDateTime midnight = LocalDate.now(ZONE).atStartOfDay(ZONE).toOffsetDateTime();
        int year = midnight.getYear();
        List<SubsidyStandardInput> standards = new ArrayList<>();
        for (Object o : c.getJsonArray("standards")) {
            JsonObject s = (JsonObject) o;
            standards.add(new SubsidyStandardInput(Level.valueOf(s.getString("level")), s.getInteger("maxSubsidyFen")));
        }
        CampaignInput campaign = new CampaignInput(year, c.getString("name").replace("{year}", Integer.toString(year)),
                midnight.plusDays(c.getInteger("opensInDays")), midnight.plusDays(c.getInteger("closesInDays")),
                c.getJsonArray("tracks").stream().map(t -> Track.valueOf((String) t)).toList(),
                c.getJsonArray("reviewStages").stream().map(s -> ReviewStage.valueOf((String) s)).toList(),
                standards, c.getInteger("minAge"), c.getInteger("maxAge"), c.getInteger("enrollmentSharePercent"));
        return new Programme(campaign, file.getJsonArray("quotas"), file.getJsonArray("courses"));
    }

    private static String read(String name) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("demo/" + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
