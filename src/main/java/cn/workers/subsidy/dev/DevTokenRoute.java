package cn.workers.subsidy.dev;

import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Dev profile only: a token endpoint for the demo identities, signed with the dev signing key that
 * the dev profile's OIDC configuration trusts. Shaped like Keycloak's token endpoint so that the
 * same curl works against a real realm: {@code curl -d username=worker1 http://localhost:8080/dev/token}
 * for people, {@code -d grant_type=client_credentials -d client_id=academy-zjgj} for an academy client.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DevTokenRoute {

    static final Duration LIFETIME = Duration.ofHours(8);

    private final PrivateKey key;
    private final String issuer;

    DevTokenRoute(@ConfigProperty(name = "subsidy.dev.data-dir") String dataDir,
            @ConfigProperty(name = "quarkus.oidc.token.issuer") String issuer) {
        this.key = DevSigningKey.loadOrCreate(DevDefaults.resolveDataDir(dataDir));
        this.issuer = issuer;
    }

    void register(@Observes Router router) {
        router.post("/dev/token").handler(BodyHandler.create().setBodyLimit(4096)).handler(this::token);
        router.get("/dev/identities").handler(this::identities);
    }

    private void token(RoutingContext ctx) {
        String name = ctx.request().getFormAttribute("username");
        if (name == null) {
            name = ctx.request().getFormAttribute("client_id");
        }
        DemoIdentity identity = name == null ? null : DemoIdentity.find(name);
        if (identity == null) {
            ctx.response().setStatusCode(400).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("error", "invalid_grant")
                            .put("error_description", "unknown demo identity; GET /dev/identities lists them").encode());
            return;
        }
        ctx.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                .put("access_token", sign(identity))
                .put("token_type", "Bearer")
                .put("expires_in", LIFETIME.toSeconds()).encode());
    }

    private void identities(RoutingContext ctx) {
        JsonArray list = new JsonArray();
        for (DemoIdentity i : DemoIdentity.ALL) {
            list.add(new JsonObject().put("username", i.username()).put("subject", i.subject())
                    .put("roles", new JsonArray(List.copyOf(i.roles()))).put("org_unit", i.orgUnit())
                    .put("academy_code", i.academyCode()).put("description", i.description()));
        }
        ctx.response().putHeader("Content-Type", "application/json").end(list.encodePrettily());
    }

    String sign(DemoIdentity identity) {
        JwtClaimsBuilder claims = Jwt.claims()
                .issuer(issuer)
                .subject(identity.subject())
                .preferredUserName(identity.username())
                .claim("realm_access", Map.of("roles", List.copyOf(identity.roles())))
                .expiresIn(LIFETIME);
        if (identity.orgUnit() != null) {
            claims.claim("org_unit", identity.orgUnit());
        }
        if (identity.academyCode() != null) {
            claims.claim("academy_code", identity.academyCode());
        }
        return claims.jws().keyId("dev").sign(key);
    }
}
