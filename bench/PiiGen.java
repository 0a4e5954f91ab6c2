import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Personal data for the bench workers, as the server itself would store it: a distinct valid
 * resident ID number per worker (GB 11643 check character), encrypted with AES-256-GCM (12-byte
 * nonce before the cipher text, as PiiCipher does), its HMAC-SHA256 lookup hash, the masked form,
 * the birth date it encodes, and an encrypted phone number. Written as CSV for
 * {@code \copy ... FROM PROGRAM} (bench/generate.sql):
 *
 * <pre>n,id_number_enc,id_number_hash,id_number_masked,birth_date,phone_enc,phone_masked</pre>
 *
 * Usage: {@code java bench/PiiGen.java COUNT ENCRYPTION_KEY_B64 HASH_KEY_B64}. Single-file source,
 * JDK only. The keys are the bench server's PII_ENCRYPTION_KEY and PII_HASH_KEY (bench/bench.env).
 */
public class PiiGen {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final LocalDate BIRTH_BASE = LocalDate.of(1970, 1, 1);
    private static final int BIRTH_SPAN_DAYS = 12_000;

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java bench/PiiGen.java COUNT ENCRYPTION_KEY_B64 HASH_KEY_B64");
            System.exit(2);
        }
        int count = Integer.parseInt(args[0]);
        SecretKeySpec encKey = new SecretKeySpec(key(args[1]), "AES");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key(args[2]), "HmacSHA256"));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        HexFormat hex = HexFormat.of();
        long nonceCounter = System.nanoTime() << 20;
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 20)) {
            for (int n = 1; n <= count; n++) {
                // distinct per n: n = area + 110 * rest, rest = r + 12000 * seq, and r -> r * 7919 mod 12000
                // is a bijection (gcd(7919, 12000) = 1), so (area, birth date, seq) never repeats
                int area = n % 110;
                int rest = n / 110;
                LocalDate birth = BIRTH_BASE.plusDays((rest % BIRTH_SPAN_DAYS) * 7919L % BIRTH_SPAN_DAYS);
                int seq = rest / BIRTH_SPAN_DAYS;
                String first17 = String.format("33%02d%02d%04d%02d%02d%03d", area / 10 + 1, area % 10 + 1,
                        birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth(), seq);
                String id = first17 + check(first17);
                String phone = "13" + String.format("%09d", n);
                byte[] idEnc = encrypt(cipher, encKey, nonceCounter++, id);
                byte[] idHash = mac.doFinal(id.getBytes(StandardCharsets.UTF_8));
                byte[] phoneEnc = encrypt(cipher, encKey, nonceCounter++, phone);
                out.append(Integer.toString(n)).append(",\\x").append(hex.formatHex(idEnc))
                        .append(",\\x").append(hex.formatHex(idHash))
                        .append(',').append(id, 0, 6).append("********").append(id, 14, 18)
                        .append(',').append(birth.toString())
                        .append(",\\x").append(hex.formatHex(phoneEnc))
                        .append(',').append(phone, 0, 3).append("****").append(phone, 7, 11)
                        .append('\n');
            }
        }
    }

    private static byte[] key(String base64) {
        byte[] k = Base64.getDecoder().decode(base64.trim());
        if (k.length != 32) {
            throw new IllegalArgumentException("keys are base64 of 32 bytes");
        }
        return k;
    }

    static char check(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** AES-GCM with a unique counter nonce (bench data: uniqueness is what GCM needs, not randomness). */
    private static byte[] encrypt(Cipher cipher, SecretKeySpec key, long counter, String clear) throws Exception {
        byte[] nonce = ByteBuffer.allocate(12).putInt(0x62656e63).putLong(counter).array();
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array();
    }
}
