package cn.workers.subsidy.security;

import cn.workers.subsidy.support.Db;
import cn.workers.subsidy.support.Fixtures;
import cn.workers.subsidy.support.GqlSocket;
import cn.workers.subsidy.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every kind of bad token is refused with UNAUTHENTICATED and touches nothing. */
@QuarkusTest
class TokenTest {

    @Inject
    Fixtures fx;

    @Inject
    Db db;

    /** Tokens that must all be refused, by name; counted in the README's Security section. */
    static Map<String, String> badTokens() throws Exception {
        Map<String, String> bad = new LinkedHashMap<>();
        String subject = "token-test-worker";
        List<String> roles = List.of("worker");
        bad.put("expired", Tokens.TEST.sign(Tokens.TEST.claims(subject, roles, null, null).issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600))));
        bad.put("not yet valid", Tokens.TEST.sign(Tokens.TEST.claims(subject, roles, null, null)
                .claim("nbf", Instant.now().plusSeconds(3600).getEpochSecond())));
        bad.put("wrong issuer", Tokens.TEST.sign(Tokens.TEST.claims(subject, roles, null, null).issuer("https://evil.example.com")));
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        PrivateKey foreign = g.generateKeyPair().getPrivate();
        bad.put("signed by another key", Tokens.TEST.claims(subject, roles, null, null).jws().keyId("1").sign(foreign));
        bad.put("alg none", unsigned(Tokens.TEST.token(subject, roles, null, null)));
        bad.put("tampered payload", tampered(Tokens.TEST.token(subject, roles, null, null)));
        bad.put("garbage", "this-is-not-a-jwt");
        bad.put("empty", "");
        bad.put("HS256 with the public key as secret", Tokens.TEST.claims(subject, roles, null, null).jws().keyId("1").algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.HS256)
                .signWithSecret("a-secret-that-is-long-enough-for-hs256-signing-000"));
        return bad;
    }

    static String unsigned(String jwt) {
        String[] parts = jwt.split("\\.");
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + parts[1] + ".";
    }

    static String tampered(String jwt) {
        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"worker\"", "\"admin\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static Response call(String token, String query) {
        var spec = RestAssured.given().contentType(ContentType.JSON).body(Map.of("query", query));
        if (token != null) {
            spec.header("Authorization", "Bearer " + token);
        }
        return spec.post("/graphql");
    }

    @Test
    void everyBadTokenIsUnauthenticatedAndChangesNothing() throws Exception {
        Fixtures.Tree t = fx.tree();
        String mutation = "mutation { updateMyProfile(input: {name: \"x\", idNumber: \"33010619900101123X\", phone: \"13812345678\","
                + " unionMemberNo: \"1\", employer: \"e\", employerKind: ENTERPRISE, frontline: true, orgUnitCode: \"" + t.grassrootsCode()
                + "\", educationLevel: HIGH_SCHOOL}) { id } }";
        long workers = db.count("SELECT count(*) FROM worker");
        for (Map.Entry<String, String> bad : badTokens().entrySet()) {
            Response r = call(bad.getValue(), mutation);
            // an empty bearer value counts as no token: 200 with the error, like a request without one
            assertThat(bad.getKey(), r.statusCode(), is(bad.getValue().isEmpty() ? 200 : 401));
            assertThat(bad.getKey(), r.jsonPath().getString("errors[0].extensions.code"), equalTo("UNAUTHENTICATED"));
        }
        Response none = call(null, mutation);
        assertThat(none.jsonPath().getString("errors[0].extensions.code"), equalTo("UNAUTHENTICATED"));
        assertEquals(workers, db.count("SELECT count(*) FROM worker"));
    }

    @Test
    void aGoodTokenStillWorks() {
        Response r = call(Tokens.TEST.worker("token-test-good"), "{ me { subject } }");
        assertThat(r.statusCode(), is(200));
        assertThat(r.jsonPath().getString("data.me.subject"), equalTo("token-test-good"));
    }

    @Test
    void subscriptionsRefuseBadTokens() throws Exception {
        for (Map.Entry<String, String> bad : badTokens().entrySet()) {
            if (bad.getValue().isEmpty()) {
                continue;
            }
            assertThrows(Exception.class, () -> GqlSocket.connect(bad.getValue(), false).close(), bad.getKey());
        }
    }
}
