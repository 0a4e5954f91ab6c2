package cn.workers.subsidy.common.security;


import cn.workers.subsidy.common.security.PiiCipher;
/**
 * A {@link PiiCipher} outside CDI, for tests that write workers straight into the database of
 * server processes they started with known keys (the integration tests).
 */
public final class PiiCiphers {

    private PiiCiphers() {
    }

    public static PiiCipher of(String encryptionKeyBase64, String hashKeyBase64) {
        return new PiiCipher(new PiiCipher.Keys() {
            @Override
            public String encryptionKey() {
                return encryptionKeyBase64;
            }

            @Override
            public String hashKey() {
                return hashKeyBase64;
            }
        });
    }
}
