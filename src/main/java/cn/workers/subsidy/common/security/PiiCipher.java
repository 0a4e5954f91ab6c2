package cn.workers.subsidy.common.security;

import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts personal data at rest (AES-256-GCM, a random 12-byte nonce stored before the cipher
 * text) and derives the keyed lookup hash (HMAC-SHA256) so that an ID number can be found without
 * storing it in clear. Keys come from configuration: {@code subsidy.pii.encryption-key} and
 * {@code subsidy.pii.hash-key}, base64 of 32 bytes each.
 */
@ApplicationScoped
public class PiiCipher {

    @ConfigMapping(prefix = "subsidy.pii")
    public interface Keys {
        String encryptionKey();

        String hashKey();
    }

    private static final int NONCE_BYTES = 12;
    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec hashKey;
    private final SecureRandom random = new SecureRandom();

    PiiCipher(Keys keys) {
        this.encryptionKey = new SecretKeySpec(decodeKey(keys.encryptionKey(), "subsidy.pii.encryption-key"), "AES");
        this.hashKey = new SecretKeySpec(decodeKey(keys.hashKey(), "subsidy.pii.hash-key"), "HmacSHA256");
    }

    private static byte[] decodeKey(String base64, String name) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException(name + " must be 32 bytes (base64 of 32 random bytes)");
        }
        return key;
    }

    public byte[] encrypt(String clear) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, stored, 0, NONCE_BYTES));
            return new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed: wrong key or altered data", e);
        }
    }

    /** The keyed hash used to find and to keep unique a value without storing it. */
    public byte[] lookupHash(String clear) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return mac.doFinal(clear.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("hashing failed", e);
        }
    }
}
