package cn.workers.subsidy.support;

import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * The tokens of {@code @QuarkusTest}s: signed with the key the test OIDC server publishes
 * ({@link OidcServerResource}, key id {@code 1}), issuer {@code https://server.example.com}.
 * Use the one instance: {@code Tokens.TEST.worker("w-1")}.
 */
public final class Tokens implements TokenIssuer {

    /** The issuer the in-process test server trusts. */
    public static final Tokens TEST = new Tokens();

    private Tokens() {
    }

    @Override
    public String issuer() {
        return "https://server.example.com";
    }

    @Override
    public String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId("1").sign("privateKey.jwk");
    }
}
