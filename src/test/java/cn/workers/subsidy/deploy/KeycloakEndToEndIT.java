package cn.workers.subsidy.deploy;

import cn.workers.subsidy.dev.EmbeddedDatabase;
import cn.workers.subsidy.support.Gql;
import cn.workers.subsidy.support.Inputs;
import cn.workers.subsidy.support.KeycloakServer;
import cn.workers.subsidy.support.ServerProcess;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * End to end with a real Keycloak (issue 8), behind the Maven profile {@code keycloak-e2e}: the Keycloak
 * distribution from Maven Central with the project's realm file (k8s/keycloak/realm-subsidy.json), the packaged
 * server in the prod profile pointed at the realm (OIDC_AUTH_SERVER_URL, OIDC_AUDIENCE=skill-subsidy), a real
 * PostgreSQL. Real tokens: password grant on subsidy-web for the demo people, client credentials for the
 * academy-zjgj client. The walk: the province admin sets up the programme, worker1 applies, the four reviewers
 * approve stage by stage, the academy pulls, enrolls and completes, finance pays both instalments.
 *
 * <p>Steps run in order and share the case; a step whose predecessor failed is skipped, not failed again.
 */
@Tag("keycloak-e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakEndToEndIT {

    private static final String ACADEMY_SECRET = "dev-only-change-me";
    private static final String PASSWORD = "dev";

    private KeycloakServer keycloak;
    private EmbeddedDatabase db;
    private ServerProcess server;
    private final Map<String, String> tokens = new LinkedHashMap<>();

    private String campaignId;
    private String courseId;
    private String applicationId;
    private int subsidyFen;
    private boolean enrolledAndCompleted;

    @BeforeAll
    void startKeycloakDatabaseAndServer() throws Exception {
        long t0 = System.nanoTime();
        String home = System.getProperty("subsidy.it.keycloak-home", "");
        assertTrue(!home.isBlank() && !home.startsWith("${"), "subsidy.it.keycloak-home is not set: run with -Pkeycloak-e2e");
        keycloak = KeycloakServer.start(Path.of(home), Path.of("k8s", "keycloak", "realm-subsidy.json"));
        Files.createDirectories(Path.of("target"));
        db = EmbeddedDatabase.start(Files.createTempDirectory(Path.of("target"), "keycloak-e2e-pg-").resolve("data").toAbsolutePath(), 0, false);
        keycloak.awaitReady(Duration.ofSeconds(240));
        long keycloakReady = System.nanoTime();

        Map<String, String> env = ServerProcess.prodEnvironment(db.port(), keycloak.realmUrl(), ServerProcess.randomKey(), ServerProcess.randomKey());
        server = ServerProcess.start("e2e", Path.of("target", "keycloak-e2e-server.log"), ServerProcess.freePort(), env)
                .awaitReady(Duration.ofSeconds(150));
        System.out.printf("KeycloakEndToEndIT: Keycloak ready after %d ms, server after %d ms more%n",
                TimeUnit.NANOSECONDS.toMillis(keycloakReady - t0), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - keycloakReady));

        for (String person : List.of("worker1", "worker2", "reviewer-grassroots", "reviewer-township", "reviewer-county", "reviewer-city",
                "admin", "finance")) {
            tokens.put(person, keycloak.password("subsidy-web", person, PASSWORD));
        }
        tokens.put("academy-zjgj", keycloak.clientCredentials("academy-zjgj", ACADEMY_SECRET));
    }

    @AfterAll
    void stopEverything() {
        ServerProcess.closeAll("KeycloakEndToEndIT", server, keycloak, db == null ? null : db::stop);
    }

    private Gql.Answer as(String who, String operation, Map<String, ?> variables) {
        return Gql.op(operation).as(tokens.get(who)).vars(variables).at(server.base()).timeout(Duration.ofSeconds(60)).answer();
    }

    private JsonObject ok(String who, String operation, Map<String, ?> variables, String field) {
        return as(who, operation, variables).data(field);
    }

    @Test
    @Order(1)
    void theRealmsTokensCarryWhatTheServerReads() {
        JsonObject reviewer = KeycloakServer.claims(tokens.get("reviewer-township"));
        assertEquals(keycloak.realmUrl(), reviewer.getString("iss"));
        assertEquals("skill-subsidy", reviewer.getValue("aud") instanceof JsonArray a ? a.getString(0) : reviewer.getString("aud"));
        assertEquals(List.of("reviewer"), reviewer.getJsonObject("realm_access").getJsonArray("roles").getList());
        assertEquals("330106001", reviewer.getString("org_unit"));
        JsonObject academy = KeycloakServer.claims(tokens.get("academy-zjgj"));
        assertEquals(List.of("academy"), academy.getJsonObject("realm_access").getJsonArray("roles").getList());
        assertEquals("ZJGJ", academy.getString("academy_code"));

        // the server verifies them against the realm's keys and reads roles from realm_access.roles
        assertEquals(List.of("worker"), ok("worker1", "Me", Map.of(), "me").getJsonArray("roles").getList());
        assertEquals(List.of("admin"), ok("admin", "Me", Map.of(), "me").getJsonArray("roles").getList());
        assertEquals(List.of("finance"), ok("finance", "Me", Map.of(), "me").getJsonArray("roles").getList());
        assertEquals(List.of("academy"), ok("academy-zjgj", "Me", Map.of(), "me").getJsonArray("roles").getList());
        assertEquals(KeycloakServer.claims(tokens.get("worker1")).getString("sub"), ok("worker1", "Me", Map.of(), "me").getString("subject"));
        assertEquals("UNAUTHENTICATED", Gql.op("Me").at(server.base()).answer().errorCode());
        assertEquals("UNAUTHENTICATED", Gql.op("Me").as(tokens.get("worker1") + "x").at(server.base()).answer().errorCode());
    }

    @Test
    @Order(2)
    void theProvinceAdministratorSetsUpTheProgramme() {
        List<Map<String, Object>> units = List.of(
                Inputs.orgUnit("330000", "PROVINCE", null),
                Inputs.orgUnit("330100", "CITY", "330000"),
                Inputs.orgUnit("330106", "COUNTY", "330100"),
                Inputs.orgUnit("330106001", "TOWNSHIP", "330106"),
                Inputs.orgUnit("330106001001", "GRASSROOTS", "330106001"));
        assertEquals(5, ok("admin", "ImportOrgUnits", Map.of("units", units), "importOrgUnits").getInteger("created"));
        ok("admin", "RegisterAcademy", Map.of("input", Inputs.academy("ZJGJ", "HEADQUARTERS", null, "330000")), "registerAcademy");

        Map<String, Object> campaign = Inputs.campaign("学历与技能提升行动 e2e");
        campaignId = ok("admin", "CreateCampaign", Map.of("input", campaign), "createCampaign").getString("id");
        assertEquals("OPEN", ok("admin", "OpenCampaign", Map.of("id", campaignId), "openCampaign").getString("status"));
        JsonObject pool = ok("admin", "AllocateQuota", Map.of("input", Map.of("campaignId", campaignId, "orgUnitCode", "330100",
                "track", "EDUCATION", "allocated", 3)), "allocateQuota");
        assertEquals(3, pool.getInteger("remaining"));
        Map<String, Object> course = new HashMap<>(Inputs.course(Long.parseLong(campaignId), "ZJGJ", "EDUCATION", "ASSOCIATE"));
        course.put("externalCode", "ZJGJ-E2E-ASSOC");
        courseId = ok("admin", "CreateCourse", Map.of("input", course), "createCourse").getString("id");
    }

    @Test
    @Order(3)
    void theWorkerAppliesAndTheFourReviewersApproveStageByStage() {
        assumeTrue(courseId != null, "the programme was not set up");
        ok("worker1", "UpdateMyProfile", Map.of("input", Map.of("name", "张三", "idNumber", "33010619900101123X", "phone", "13812345678",
                "unionMemberNo", "ZJ-0001", "employer", "杭州某机械有限公司", "employerKind", "ENTERPRISE", "frontline", true,
                "orgUnitCode", "330106001001", "educationLevel", "HIGH_SCHOOL")), "updateMyProfile");
        JsonObject submitted = ok("worker1", "SubmitApplication", Map.of("input", Map.of("campaignId", campaignId, "courseId", courseId,
                "clientRequestId", "e2e-1")), "submitApplication");
        assertEquals("SUBMITTED", submitted.getString("status"));
        assertEquals("GRASSROOTS", submitted.getString("currentStage"));
        String id = submitted.getString("id");
        int v = submitted.getInteger("version");
        subsidyFen = submitted.getInteger("subsidyFen");

        // worker2 cannot see it
        assertEquals("NOT_FOUND", as("worker2", "ApplicationDetail", Map.of("id", id)).errorCode());

        for (String stage : List.of("GRASSROOTS", "TOWNSHIP", "COUNTY", "CITY")) {
            String reviewer = "reviewer-" + stage.toLowerCase();
            JsonObject queue = ok(reviewer, "ReviewQueue", Map.of("campaignId", campaignId, "stage", stage), "reviewQueue");
            assertEquals(1, queue.getInteger("totalCount"), stage + " queue");
            JsonObject node = queue.getJsonArray("edges").getJsonObject(0).getJsonObject("node");
            assertEquals(id, node.getString("id"));
            assertEquals("330106********123X", node.getJsonObject("worker").getString("idNumberMasked"), "reviewers see the masked ID");
            JsonObject approved = ok(reviewer, "ApproveApplication", Map.of("id", id, "expectedVersion", v, "comment", "同意"),
                    "approveApplication");
            v = approved.getInteger("version");
            assertEquals(stage.equals("CITY") ? "APPROVED" : "IN_REVIEW", approved.getString("status"), "after " + stage);
        }
        Gql.Answer quotas = as("admin", "Quotas", Map.of("campaignId", campaignId));
        assertTrue(quotas.ok(), quotas.raw());
        JsonObject pool = quotas.body().getJsonObject("data").getJsonArray("quotas").getJsonObject(0);
        assertEquals(1, pool.getInteger("approved"), "the city's approval took a place");
        assertEquals(2, pool.getInteger("remaining"));
        JsonObject detail = ok("worker1", "ApplicationDetail", Map.of("id", id), "application");
        assertEquals("APPROVED", detail.getString("status"));
        assertEquals(5, detail.getJsonArray("history").size(), "submitted, then four approvals: " + detail.getJsonArray("history"));
        applicationId = id;
    }

    @Test
    @Order(4)
    void theAcademyPullsEnrollsAndCompletes() {
        assumeTrue(applicationId != null, "the application was not approved");
        // pull: the approved applicant, with the full ID number (the academy of an approved course may see it)
        // the feed shows a change once no older transaction can still commit behind it (about a second): poll, bounded
        JsonObject page = null;
        JsonObject mine = null;
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (mine == null && System.nanoTime() < deadline) {
            page = ok("academy-zjgj", "AcademyApplications", Map.of("first", 50), "academyApplications");
            for (Object e : page.getJsonArray("edges")) {
                JsonObject node = ((JsonObject) e).getJsonObject("node");
                if (applicationId.equals(node.getString("id"))) {
                    mine = node;
                }
            }
        }
        assertNotNull(mine, "the academy sees the approved application: " + page.encode());
        assertEquals("APPROVED", mine.getString("status"));
        assertEquals("33010619900101123X", mine.getJsonObject("worker").getString("idNumber"));
        assertEquals("ZJGJ-E2E-ASSOC", mine.getJsonObject("course").getString("externalCode"));

        // push: enrolled, then the same batch again (nothing changes), then completed with a certificate
        OffsetDateTime enrolledAt = OffsetDateTime.now().minusHours(2).truncatedTo(ChronoUnit.SECONDS);
        List<Map<String, Object>> enrolled = List.of(Map.of("applicationId", applicationId, "externalRef", "ZJGJ-STU-0001",
                "status", "ENROLLED", "occurredAt", enrolledAt.toString(), "tuitionPaidFen", 480000));
        JsonObject first = ok("academy-zjgj", "SyncEnrollments", Map.of("items", enrolled), "syncEnrollments");
        assertEquals("APPLIED", first.getJsonArray("results").getJsonObject(0).getString("outcome"), first.encode());
        JsonObject again = ok("academy-zjgj", "SyncEnrollments", Map.of("items", enrolled), "syncEnrollments");
        assertEquals("UNCHANGED", again.getJsonArray("results").getJsonObject(0).getString("outcome"), again.encode());
        List<Map<String, Object>> completed = List.of(Map.of("applicationId", applicationId, "externalRef", "ZJGJ-STU-0001",
                "status", "COMPLETED", "occurredAt", enrolledAt.plusHours(1).toString(), "certificateNo", "CERT-E2E-0001"));
        JsonObject done = ok("academy-zjgj", "SyncEnrollments", Map.of("items", completed), "syncEnrollments");
        assertEquals("APPLIED", done.getJsonArray("results").getJsonObject(0).getString("outcome"), done.encode());

        JsonObject detail = ok("worker1", "ApplicationDetail", Map.of("id", applicationId), "application");
        assertEquals("COMPLETED", detail.getString("status"), "the worker sees the case completed");
        enrolledAndCompleted = true;
    }

    @Test
    @Order(5)
    void financePaysBothInstalmentsExactlyOnce() {
        assumeTrue(enrolledAndCompleted, "the academy did not enroll and complete the case");
        List<JsonObject> mine = pending();
        assertEquals(List.of("COMPLETION", "ENROLLMENT"), mine.stream().map(d -> d.getString("stage")).sorted().toList(), mine.toString());
        assertEquals(subsidyFen, mine.stream().mapToInt(d -> d.getInteger("amountFen")).sum(), "the instalments add up to the subsidy");
        int share = (Integer) Inputs.campaign("x").get("enrollmentSharePercent");
        assertEquals(subsidyFen * share / 100, mine.stream().filter(d -> d.getString("stage").equals("ENROLLMENT")).findFirst()
                .orElseThrow().getInteger("amountFen"), "the enrollment instalment is the campaign's share");
        for (JsonObject d : mine) {
            JsonObject paid = ok("finance", "MarkDisbursementPaid", Map.of("id", d.getString("id"), "reference", "BANK-" + d.getString("id")),
                    "markDisbursementPaid");
            assertEquals("PAID", paid.getString("status"));
            assertEquals("BANK-" + d.getString("id"), paid.getString("reference"));
        }
        assertEquals(List.of(), pending(), "nothing left to pay for the case");
        Gql.Answer twice = as("finance", "MarkDisbursementPaid", Map.of("id", mine.get(0).getString("id"), "reference", "BANK-AGAIN"));
        assertNotNull(twice.errorCode(), "an instalment is paid once: " + twice.raw());
    }

    private List<JsonObject> pending() {
        JsonObject page = ok("finance", "PendingDisbursements", Map.of("campaignId", campaignId, "first", 100), "pendingDisbursements");
        List<JsonObject> out = new ArrayList<>();
        for (Object e : page.getJsonArray("edges")) {
            JsonObject node = ((JsonObject) e).getJsonObject("node");
            if (applicationId.equals(node.getJsonObject("application").getString("id"))) {
                out.add(node);
            }
        }
        return out;
    }
}
