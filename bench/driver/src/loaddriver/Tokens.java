package loaddriver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Issues RS256 JWTs shaped like Keycloak's (realm_access.roles, org_unit, academy_code), signed with
 * bench/.keys/signing-key.pk8 (PKCS8 RSA 2048, the format of the dev profile's DevSigningKey; created when
 * missing) for issuer subsidy-bench-issuer. The bench server trusts that key through quarkus.oidc.public-key.
 *
 * <p>Signing costs milliseconds of CPU, which must not compete with the measured requests: scenarios sign
 * ahead ({@link #presign}) and signed tokens are cached in bench/.cache/tokens.tsv for the next runs, one
 * line per token: key fingerprint, issuer, {@link Identity#cacheKey()}, expiry, token.
 */
final class Tokens {
    static final String ISSUER_DEFAULT = "subsidy-bench-issuer";
    static final Path KEY_DEFAULT = Path.of("bench/.keys/signing-key.pk8");
    static final Path CACHE = Path.of("bench/.cache/tokens.tsv");
    private static final long LIFETIME_S = 30L * 24 * 3600;

    private final PrivateKey key;
    private final String publicKeyBase64;
    /** Part of the public key: cached tokens of another key are not used. */
    private final String fingerprint;
    private final String issuer;
    private final Map<String, String> cache = new ConcurrentHashMap<>();
    /** Cache keys signed in this process and not yet saved. */
    private final List<String> fresh = new CopyOnWriteArrayList<>();

    Tokens(Path keyFile, String issuer) throws Exception {
        if (!Files.exists(keyFile)) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair pair = g.generateKeyPair();
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            Files.write(keyFile, pair.getPrivate().getEncoded());
            System.err.println("[driver] created signing key " + keyFile);
        }
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        this.key = rsa.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(keyFile)));
        RSAPrivateCrtKey crt = (RSAPrivateCrtKey) key;
        this.publicKeyBase64 = Base64.getEncoder().encodeToString(
                rsa.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent())).getEncoded());
        this.fingerprint = publicKeyBase64.substring(40, 72);
        this.issuer = issuer;
        if (Files.exists(CACHE)) {
            long now = System.currentTimeMillis() / 1000;
            for (String line : Files.readAllLines(CACHE)) {
                String[] f = line.split("\t");
                if (f.length == 5 && f[0].equals(fingerprint) && f[1].equals(issuer) && Long.parseLong(f[3]) > now + 3600) {
                    cache.put(f[2], f[4]);
                }
            }
        }
    }

    /** Base64 of the X.509 public key: the server's quarkus.oidc.public-key. */
    String publicKeyBase64() {
        return publicKeyBase64;
    }

    /** The cached token of this identity, signed now when there is none. */
    String get(Identity who) {
        return cache.computeIfAbsent(who.cacheKey(), k -> {
            String t = sign(who);
            fresh.add(k);
            return t;
        });
    }

    /** A new token, valid for 30 days, not cached. */
    String sign(Identity who) {
        long now = System.currentTimeMillis() / 1000;
        StringBuilder claims = new StringBuilder("{\"iss\":").append(Json.str(issuer)).append(",\"sub\":").append(Json.str(who.subject()))
                .append(",\"preferred_username\":").append(Json.str(who.subject())).append(",\"iat\":").append(now)
                .append(",\"exp\":").append(now + LIFETIME_S).append(",\"realm_access\":{\"roles\":[");
        for (int i = 0; i < who.roles().size(); i++) {
            claims.append(i > 0 ? "," : "").append(Json.str(who.roles().get(i)));
        }
        claims.append("]}");
        if (who.orgUnit() != null) {
            claims.append(",\"org_unit\":").append(Json.str(who.orgUnit()));
        }
        if (who.academy() != null) {
            claims.append(",\"academy_code\":").append(Json.str(who.academy()));
        }
        claims.append('}');
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"bench\"}".getBytes(StandardCharsets.UTF_8))
                + "." + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64.encodeToString(s.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs ahead, on every core, the tokens a scenario will need; not measured. */
    void presign(List<Identity> identities) throws InterruptedException {
        long missing = identities.stream().filter(who -> !cache.containsKey(who.cacheKey())).count();
        if (missing > 0) {
            System.err.printf("[driver] signing %d tokens (cached in %s for the next runs)%n", missing, CACHE);
        }
        ExecutorService pool = DaemonPool.fixed(Runtime.getRuntime().availableProcessors(), "sign");
        for (Identity who : identities) {
            pool.submit(() -> get(who));
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
    }

    /** Appends the tokens signed since the last save to the cache file. */
    void save() throws IOException {
        if (fresh.isEmpty()) {
            return;
        }
        Files.createDirectories(CACHE.toAbsolutePath().getParent());
        long exp = System.currentTimeMillis() / 1000 + LIFETIME_S - 60;
        StringBuilder sb = new StringBuilder();
        for (String k : fresh) {
            sb.append(fingerprint).append('\t').append(issuer).append('\t').append(k).append('\t').append(exp).append('\t')
                    .append(cache.get(k)).append('\n');
        }
        Files.writeString(CACHE, sb, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        fresh.clear();
    }
}
