package cn.workers.subsidy.support;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Registers the PostgreSQL fixture for every {@code @QuarkusTest}; {@link OidcServerResource}
 * registers the signing OIDC server.
 */
@QuarkusTestResource(PostgresResource.class)
public final class TestProfileResources {
    private TestProfileResources() {
    }
}
