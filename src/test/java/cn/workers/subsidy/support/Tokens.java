package cn.workers.subsidy.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Real signed access tokens for the tests, shaped like Keycloak's: signed with the key the test
 * OIDC server publishes, issuer {@code https://server.example.com}, roles in
 * {@code realm_access.roles}, scope in {@code org_unit} / {@code academy_code}.
 */
public final class Tokens {

    public static final String ISSUER = "https://server.example.com";

    private Tokens() {
    }

    public static String worker(String subject) {
        return token(subject, List.of("worker"), null, null);
    }

    public static String reviewer(String subject, String orgUnit) {
        return token(subject, List.of("reviewer"), orgUnit, null);
    }

    public static String admin(String subject, String orgUnit) {
        return token(subject, List.of("admin"), orgUnit, null);
    }

    public static String finance(String subject, String orgUnit) {
        return token(subject, List.of("finance"), orgUnit, null);
    }

    public static String auditor(String subject, String orgUnit) {
        return token(subject, List.of("auditor"), orgUnit, null);
    }

    public static String academy(String clientSubject, String academyCode) {
        return token(clientSubject, List.of("academy"), null, academyCode);
    }

    public static String token(String subject, List<String> roles, String orgUnit, String academyCode) {
        return builder(subject, roles, orgUnit, academyCode).jws().keyId("1").sign("privateKey.jwk");
    }

    public static JwtClaimsBuilder builder(String subject, List<String> roles, String orgUnit, String academyCode) {
        JwtClaimsBuilder claims = Jwt.claims()
                .issuer(ISSUER)
                .subject(subject)
                .claim("realm_access", Map.of("roles", roles))
                .expiresIn(Duration.ofMinutes(30));
        if (orgUnit != null) {
            claims.claim("org_unit", orgUnit);
        }
        if (academyCode != null) {
            claims.claim("academy_code", academyCode);
        }
        return claims;
    }
}
