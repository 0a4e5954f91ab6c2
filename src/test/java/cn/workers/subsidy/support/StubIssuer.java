package cn.workers.subsidy.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A minimal OIDC issuer on the loopback interface, for server processes started by integration tests
 * in the prod profile: it serves what quarkus-oidc reads from a Keycloak realm (the discovery document
 * and the JWKS) and signs Keycloak-shaped access tokens ({@link TokenIssuer}) with its own RSA key. The servers are configured
 * exactly as in production ({@code OIDC_AUTH_SERVER_URL} = {@link #url()}, {@code OIDC_AUDIENCE}), so
 * discovery, key fetching, issuer and audience checks all run as they do against a real realm.
 */
public final class StubIssuer implements TokenIssuer, AutoCloseable {

    public static final String AUDIENCE = "skill-subsidy";
    private static final String KEY_ID = "stub-issuer-1";

    private final HttpServer server;
    private final KeyPair keys;
    private final String url;

    private StubIssuer(HttpServer server, KeyPair keys, String url) {
        this.server = server;
        this.keys = keys;
        this.url = url;
    }

    /** Starts on a free loopback port; the issuer URL looks like a Keycloak realm's. */
    public static StubIssuer start() throws IOException {
        KeyPair keys;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/subsidy";
        StubIssuer issuer = new StubIssuer(server, keys, url);
        server.createContext("/realms/subsidy/.well-known/openid-configuration", ex -> issuer.reply(ex, issuer.discovery()));
        server.createContext("/realms/subsidy/protocol/openid-connect/certs", ex -> issuer.reply(ex, issuer.jwks()));
        server.start();
        return issuer;
    }

    /** The issuer (Keycloak's realm URL shape): give it to the servers as OIDC_AUTH_SERVER_URL. */
    public String url() {
        return url;
    }

    @Override
    public String issuer() {
        return url;
    }

    /** As the realm writes them: audience skill-subsidy, typ Bearer, azp the web client. */
    @Override
    public JwtClaimsBuilder claims(String subject, List<String> roles, String orgUnit, String academyCode) {
        return TokenIssuer.super.claims(subject, roles, orgUnit, academyCode)
                .audience(AUDIENCE)
                .claim("typ", "Bearer")
                .claim("azp", "subsidy-web");
    }

    @Override
    public String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId(KEY_ID).sign(keys.getPrivate());
    }

    private JsonObject discovery() {
        return new JsonObject()
                .put("issuer", url)
                .put("jwks_uri", url + "/protocol/openid-connect/certs")
                .put("token_endpoint", url + "/protocol/openid-connect/token")
                .put("id_token_signing_alg_values_supported", new JsonArray().add("RS256"));
    }

    private JsonObject jwks() {
        RSAPublicKey publicKey = (RSAPublicKey) keys.getPublic();
        return new JsonObject().put("keys", new JsonArray().add(new JsonObject()
                .put("kty", "RSA").put("kid", KEY_ID).put("use", "sig").put("alg", "RS256")
                .put("n", base64Url(publicKey.getModulus()))
                .put("e", base64Url(publicKey.getPublicExponent()))));
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void reply(HttpExchange exchange, JsonObject body) throws IOException {
        byte[] bytes = body.encode().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
