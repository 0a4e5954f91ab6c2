package cn.workers.subsidy.deploy;

import cn.workers.subsidy.dev.DemoIdentity;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Keycloak realm file issues the tokens the API expects (contract/README.md "Tokens"): the
 * contract's realm roles in {@code realm_access.roles}, {@code org_unit} and {@code academy_code}
 * claims, the audience the Deployment requires, and the dev profile's demo identities
 * ({@link DemoIdentity}) with the same roles and scopes, so that a walkthrough against a real
 * Keycloak behaves like one against the dev token route.
 */
class KeycloakRealmTest {

    static final Path REALM = Path.of("k8s", "keycloak", "realm-subsidy.json");
    static final Set<String> CONTRACT_ROLES = Set.of("worker", "reviewer", "admin", "finance", "academy", "auditor");
    static final String DEV_SECRET = "dev-only-change-me";

    private static JsonObject realm;

    @BeforeAll
    static void load() throws IOException {
        realm = new JsonObject(Files.readString(REALM));
    }

    @Test
    void realmDefinesTheContractRoles() {
        assertEquals("subsidy", realm.getString("realm"));
        Set<String> roles = objects(realm.getJsonObject("roles").getJsonArray("realm")).stream()
                .map(r -> r.getString("name")).collect(Collectors.toSet());
        assertTrue(roles.containsAll(CONTRACT_ROLES), "realm roles " + roles);
    }

    @Test
    void demoUsersMirrorTheDevIdentities() {
        for (DemoIdentity identity : DemoIdentity.ALL) {
            if (identity.academyCode() != null) {
                continue;
            }
            JsonObject user = user(identity.username());
            assertNotNull(user, "no realm user " + identity.username());
            assertEquals(identity.roles(), new HashSet<>(user.getJsonArray("realmRoles").getList()), identity.username() + " roles");
            JsonArray orgUnit = user.getJsonObject("attributes", new JsonObject()).getJsonArray("org_unit");
            assertEquals(identity.orgUnit(), orgUnit == null ? null : orgUnit.getString(0), identity.username() + " org_unit");
            JsonObject credential = objects(user.getJsonArray("credentials")).get(0);
            assertEquals("dev", credential.getString("value"), "demo users share the dev-only password 'dev'");
            assertTrue(user.getBoolean("emailVerified") && user.getString("firstName") != null && user.getString("lastName") != null,
                    identity.username() + " needs a complete profile, or Keycloak refuses the password grant");
        }
    }

    @Test
    void academyClientsMirrorTheDevIdentities() {
        for (DemoIdentity identity : DemoIdentity.ALL) {
            if (identity.academyCode() == null) {
                continue;
            }
            JsonObject client = client(identity.username());
            assertNotNull(client, "no realm client " + identity.username());
            assertTrue(client.getBoolean("serviceAccountsEnabled") && !client.getBoolean("publicClient")
                    && !client.getBoolean("standardFlowEnabled") && !client.getBoolean("directAccessGrantsEnabled"),
                    identity.username() + " is a confidential client-credentials client only");
            assertEquals(DEV_SECRET, client.getString("secret"), "only an obviously dev-only secret may be committed");
            JsonObject claim = mapper(client, "oidc-hardcoded-claim-mapper", "claim.name", "academy_code");
            assertNotNull(claim, identity.username() + " needs a hardcoded academy_code claim");
            assertEquals(identity.academyCode(), claim.getJsonObject("config").getString("claim.value"));
            assertEquals("true", claim.getJsonObject("config").getString("access.token.claim"));
            JsonObject serviceAccount = objects(realm.getJsonArray("users")).stream()
                    .filter(u -> identity.username().equals(u.getString("serviceAccountClientId"))).findFirst().orElse(null);
            assertNotNull(serviceAccount, identity.username() + " needs its service-account user");
            assertEquals(identity.roles(), new HashSet<>(serviceAccount.getJsonArray("realmRoles").getList()));
        }
    }

    @Test
    void userFacingClientsArePublicWithPkceAndPutTheScopeClaimsInAccessTokens() {
        for (String clientId : List.of("subsidy-web", "subsidy-console")) {
            JsonObject client = client(clientId);
            assertNotNull(client, "no client " + clientId);
            assertTrue(client.getBoolean("publicClient") && client.getBoolean("standardFlowEnabled"), clientId + ": public, standard flow");
            assertEquals("S256", client.getJsonObject("attributes").getString("pkce.code.challenge.method"), clientId + ": PKCE");
            for (String claim : List.of("org_unit", "academy_code")) {
                JsonObject mapper = mapper(client, "oidc-usermodel-attribute-mapper", "claim.name", claim);
                assertNotNull(mapper, clientId + " needs a user attribute mapper for " + claim);
                assertEquals(claim, mapper.getJsonObject("config").getString("user.attribute"));
                assertEquals("true", mapper.getJsonObject("config").getString("access.token.claim"));
            }
        }
        assertTrue(client("subsidy-web").getBoolean("directAccessGrantsEnabled"), "subsidy-web allows the dev walkthrough's password grant");
    }

    @Test
    void everyClientIssuesTheAudienceTheDeploymentRequires() throws IOException {
        Map<String, Object> base = KustomizeManifestsTest.map(KustomizeManifestsTest.yaml()
                .load(Files.readString(Path.of("k8s", "base", "kustomization.yaml"))));
        String audience = KustomizeManifestsTest.list(base.get("configMapGenerator")).stream()
                .flatMap(g -> KustomizeManifestsTest.list(KustomizeManifestsTest.map(g).get("literals")).stream())
                .map(String::valueOf).filter(l -> l.startsWith("OIDC_AUDIENCE=")).map(l -> l.substring("OIDC_AUDIENCE=".length()))
                .findFirst().orElse(null);
        assertNotNull(audience, "k8s/base sets no OIDC_AUDIENCE");
        for (JsonObject client : objects(realm.getJsonArray("clients"))) {
            JsonObject mapper = mapper(client, "oidc-audience-mapper", "included.custom.audience", audience);
            assertNotNull(mapper, client.getString("clientId") + " needs an audience mapper for " + audience);
            assertEquals("true", mapper.getJsonObject("config").getString("access.token.claim"));
        }
    }

    @Test
    void onlyAdministratorsMaySetTheScopeAttributes() {
        JsonObject provider = objects(realm.getJsonObject("components").getJsonArray("org.keycloak.userprofile.UserProfileProvider")).get(0);
        JsonObject profile = new JsonObject(provider.getJsonObject("config").getJsonArray("kc.user.profile.config").getString(0));
        List<String> problems = new ArrayList<>();
        for (String name : List.of("org_unit", "academy_code")) {
            JsonObject attribute = objects(profile.getJsonArray("attributes")).stream().filter(a -> name.equals(a.getString("name")))
                    .findFirst().orElse(null);
            if (attribute == null) {
                problems.add(name + " is not declared in the user profile (Keycloak 24+ drops undeclared attributes)");
            } else if (!List.of("admin").equals(attribute.getJsonObject("permissions").getJsonArray("edit").getList())) {
                problems.add(name + " must be editable by administrators only: a user must not change their own scope");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    static JsonObject user(String username) {
        return objects(realm.getJsonArray("users")).stream().filter(u -> username.equals(u.getString("username"))).findFirst().orElse(null);
    }

    static JsonObject client(String clientId) {
        return objects(realm.getJsonArray("clients")).stream().filter(c -> clientId.equals(c.getString("clientId"))).findFirst().orElse(null);
    }

    static JsonObject mapper(JsonObject client, String type, String configKey, String configValue) {
        return objects(client.getJsonArray("protocolMappers", new JsonArray())).stream()
                .filter(m -> type.equals(m.getString("protocolMapper")))
                .filter(m -> configValue.equals(m.getJsonObject("config").getString(configKey))).findFirst().orElse(null);
    }

    static List<JsonObject> objects(JsonArray array) {
        List<JsonObject> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            out.add(array.getJsonObject(i));
        }
        return out;
    }
}
