package cn.workers.subsidy.support;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Registers, for every {@code @QuarkusTest}, an OIDC server (WireMock) that serves discovery and
 * the public keys of the tokens {@link Tokens} signs.
 */
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class OidcServerResource {
    private OidcServerResource() {
    }
}
