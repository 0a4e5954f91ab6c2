package cn.workers.subsidy.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * The dev profile's token signing key: generated on the first dev run and kept in the dev data
 * folder, so that tokens minted by {@link DevTokenRoute} stay valid across restarts. Nothing of it
 * is committed and the prod profile never reads it.
 */
public final class DevSigningKey {

    private DevSigningKey() {
    }

    public static Path file(Path dataDir) {
        return dataDir.resolve("oidc").resolve("dev-signing-key.pk8");
    }

    public static PrivateKey loadOrCreate(Path dataDir) {
        Path file = file(dataDir);
        try {
            if (!Files.exists(file)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.createDirectories(file.getParent());
                Files.write(file, pair.getPrivate().getEncoded());
            }
            byte[] encoded = Files.readAllBytes(file);
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(encoded));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or write the dev signing key " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Dev signing key " + file + " is unusable; delete it to get a new one", e);
        }
    }

    /** Base64 X.509 form of the public half, as quarkus.oidc.public-key expects. */
    public static String publicKeyBase64(PrivateKey privateKey) {
        try {
            RSAPrivateCrtKey crt = (RSAPrivateCrtKey) privateKey;
            PublicKey publicKey = KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            return Base64.getEncoder().encodeToString(publicKey.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
