package cn.workers.subsidy.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Something that signs Keycloak-shaped access tokens for the tests: roles in {@code realm_access.roles},
 * scope in {@code org_unit} / {@code academy_code}, valid for 30 minutes. The claims and the role
 * shortcuts are written here once; an issuer says only who it is ({@link #issuer()}), what it adds to
 * the claims and how it signs. Two issuers: {@link Tokens} for {@code @QuarkusTest} (the test OIDC
 * server's key) and {@link StubIssuer} for server processes (a key and a realm URL of its own).
 */
public interface TokenIssuer {

    /** The {@code iss} claim. */
    String issuer();

    /** Signs the claims with this issuer's key. */
    String sign(JwtClaimsBuilder claims);

    /** The claims of an access token as this issuer writes them; an issuer adds its own (audience, …) by overriding. */
    default JwtClaimsBuilder claims(String subject, List<String> roles, String orgUnit, String academyCode) {
        JwtClaimsBuilder claims = Jwt.claims()
                .issuer(issuer())
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

    /** A signed token with any roles and scope claims (null: claim left out). */
    default String token(String subject, List<String> roles, String orgUnit, String academyCode) {
        return sign(claims(subject, roles, orgUnit, academyCode));
    }

    default String worker(String subject) {
        return token(subject, List.of("worker"), null, null);
    }

    default String reviewer(String subject, String orgUnit) {
        return token(subject, List.of("reviewer"), orgUnit, null);
    }

    default String admin(String subject, String orgUnit) {
        return token(subject, List.of("admin"), orgUnit, null);
    }

    default String finance(String subject, String orgUnit) {
        return token(subject, List.of("finance"), orgUnit, null);
    }

    default String auditor(String subject, String orgUnit) {
        return token(subject, List.of("auditor"), orgUnit, null);
    }

    default String academy(String clientSubject, String academyCode) {
        return token(clientSubject, List.of("academy"), null, academyCode);
    }
}
