import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The HTTP load driver of the benchmark: JDK only (plain sockets for HTTP, HttpClient for WebSocket, SHA256withRSA), run as a
 * single-file source program ({@code java bench/LoadDriver.java ...}, Java 17).
 *
 * <pre>
 *   pubkey  [--key FILE]                         base64 X.509 public key (quarkus.oidc.public-key); creates the key if missing
 *   token   --sub S --roles r1,r2 [--org-unit C] [--academy A] [--key FILE] [--issuer I]
 *   run     --url http://127.0.0.1:18080 --input DIR [--scenarios LIST] [--duration 20] [--warmup 5]
 *           [--concurrency 32] [--subscribers 500] [--fanout-events 30] [--sync-items 1000] [--sync-batches 3] [--prewarm 0]
 *           [--server-pid PID] [--db-pid POSTMASTER_PID] [--out FILE] [--label TEXT] [--run N] [--ops graphql/operations]
 *   report  --results FILE [--pgbench FILE] [--machine FILE] [--config FILE] --out FILE.md
 * </pre>
 *
 * Tokens are signed here with bench/.keys/signing-key.pk8 (PKCS8 RSA 2048, the format of the dev
 * profile's DevSigningKey) for issuer subsidy-bench-issuer; the bench server trusts that key through
 * quarkus.oidc.public-key. Signed tokens are cached in bench/.cache/tokens.tsv (RSA signing costs about
 * a millisecond: it must not compete with the measured requests).
 *
 * Scenarios: me, my-applications, courses, submit, review-queue, review-queue-full, approve, sync,
 * quota-fanout. Each sends the contract's operation from graphql/operations/*.graphql. A scenario
 * whose operation is answered with a GraphQL validation error (the field or type does not exist yet)
 * is reported "unsupported" and skipped. Closed loop: --concurrency virtual users send one request
 * after the other for --warmup (not recorded) and then --duration seconds; throughput and p50/p99
 * come from every recorded latency (sorted). Server memory: VmRSS of --server-pid sampled every
 * 250 ms. CPU per successful request over the measured window (closed-loop scenarios): the server
 * (utime + stime of --server-pid), the PostgreSQL cluster (--db-pid, the postmaster: itself and all
 * its children, see {@link Cpu#clusterMs}) and this driver's own JVM. The review scenarios also
 * record the mean number of edges per successful page (rows_per_page).
 * Results: one "RESULT key=value ..." line per scenario on stdout and appended to --out.
 *
 * Input (--input DIR, written by bench/run.sh from the bench schema of the database): meta.csv,
 * submit_target.csv, approve_target.csv, sync_target.csv, review_units.csv, courses.csv.
 */
public class LoadDriver {

    static final String ISSUER_DEFAULT = "subsidy-bench-issuer";
    static final Path KEY_DEFAULT = Path.of("bench/.keys/signing-key.pk8");
    static final Path TOKEN_CACHE = Path.of("bench/.cache/tokens.tsv");

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        Map<String, String> o = options(Arrays.copyOfRange(args, 1, args.length));
        Tokens tokens = new Tokens(Path.of(o.getOrDefault("key", KEY_DEFAULT.toString())), o.getOrDefault("issuer", ISSUER_DEFAULT));
        switch (args[0]) {
            case "pubkey" -> System.out.println(tokens.publicKeyBase64());
            case "token" -> System.out.println(tokens.sign(req(o, "sub"), List.of(req(o, "roles").split(",")), o.get("org-unit"), o.get("academy")));
            case "run" -> new Run(o, tokens).run();
            case "report" -> Report.write(o);
            default -> usage();
        }
        System.exit(0); // HttpClient keeps selector threads alive
    }

    static ExecutorService daemonPool(int threads, String name) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    static void usage() {
        System.err.println("usage: java bench/LoadDriver.java pubkey|token|run [options]  (see the class comment)");
        System.exit(2);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String k = args[i].substring(2);
            if (k.contains("=")) {
                o.put(k.substring(0, k.indexOf('=')), k.substring(k.indexOf('=') + 1));
            } else {
                o.put(k, i + 1 < args.length ? args[++i] : "");
            }
        }
        return o;
    }

    static String req(Map<String, String> o, String k) {
        String v = o.get(k);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("--" + k + " is required");
        }
        return v;
    }

    // ─────────────────────────── tokens ───────────────────────────

    /** RS256 JWTs shaped like Keycloak's (realm_access.roles, org_unit, academy_code), cached on disk. */
    static final class Tokens {
        final PrivateKey key;
        final String issuer;
        final Map<String, String> cache = new ConcurrentHashMap<>();
        final List<String> fresh = new CopyOnWriteArrayList<>();

        Tokens(Path keyFile, String issuer) throws Exception {
            if (!Files.exists(keyFile)) {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
                KeyPair pair = g.generateKeyPair();
                Files.createDirectories(keyFile.toAbsolutePath().getParent());
                Files.write(keyFile, pair.getPrivate().getEncoded());
                System.err.println("[driver] created signing key " + keyFile);
            }
            this.key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(keyFile)));
            this.issuer = issuer;
            String fingerprint = publicKeyBase64().substring(40, 72);
            if (Files.exists(TOKEN_CACHE)) {
                long now = System.currentTimeMillis() / 1000;
                for (String line : Files.readAllLines(TOKEN_CACHE)) {
                    String[] f = line.split("\t");
                    // key fingerprint, issuer, cache key, exp, token
                    if (f.length == 5 && f[0].equals(fingerprint) && f[1].equals(issuer) && Long.parseLong(f[3]) > now + 3600) {
                        cache.put(f[2], f[4]);
                    }
                }
            }
        }

        String publicKeyBase64() throws Exception {
            RSAPrivateCrtKey crt = (RSAPrivateCrtKey) key;
            PublicKey pub = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            return Base64.getEncoder().encodeToString(pub.getEncoded());
        }

        String get(String sub, List<String> roles, String orgUnit, String academy) {
            String k = sub + "|" + String.join(",", roles) + "|" + (orgUnit == null ? "" : orgUnit) + "|" + (academy == null ? "" : academy);
            return cache.computeIfAbsent(k, x -> {
                String t = sign(sub, roles, orgUnit, academy);
                fresh.add(k);
                return t;
            });
        }

        String sign(String sub, List<String> roles, String orgUnit, String academy) {
            long now = System.currentTimeMillis() / 1000;
            StringBuilder claims = new StringBuilder("{\"iss\":").append(Json.str(issuer)).append(",\"sub\":").append(Json.str(sub))
                    .append(",\"preferred_username\":").append(Json.str(sub)).append(",\"iat\":").append(now)
                    .append(",\"exp\":").append(now + 30L * 24 * 3600).append(",\"realm_access\":{\"roles\":[");
            for (int i = 0; i < roles.size(); i++) {
                claims.append(i > 0 ? "," : "").append(Json.str(roles.get(i)));
            }
            claims.append("]}");
            if (orgUnit != null) {
                claims.append(",\"org_unit\":").append(Json.str(orgUnit));
            }
            if (academy != null) {
                claims.append(",\"academy_code\":").append(Json.str(academy));
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
        void presign(List<String[]> specs) throws Exception {
            long missing = specs.stream().filter(s -> !cache.containsKey(s[0] + "|" + s[1] + "|" + (s[2] == null ? "" : s[2]) + "|" + (s[3] == null ? "" : s[3]))).count();
            if (missing > 0) {
                System.err.printf("[driver] signing %d tokens (cached in %s for the next runs)%n", missing, TOKEN_CACHE);
            }
            ExecutorService pool = daemonPool(Runtime.getRuntime().availableProcessors(), "sign");
            for (String[] s : specs) {
                pool.submit(() -> get(s[0], List.of(s[1].split(",")), s[2], s[3]));
            }
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.HOURS);
        }

        void save() throws IOException {
            if (fresh.isEmpty()) {
                return;
            }
            Files.createDirectories(TOKEN_CACHE.toAbsolutePath().getParent());
            String fingerprint;
            try {
                fingerprint = publicKeyBase64().substring(40, 72);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            long exp = System.currentTimeMillis() / 1000 + 30L * 24 * 3600 - 60;
            StringBuilder sb = new StringBuilder();
            for (String k : fresh) {
                sb.append(fingerprint).append('\t').append(issuer).append('\t').append(k).append('\t').append(exp).append('\t')
                        .append(cache.get(k)).append('\n');
            }
            Files.writeString(TOKEN_CACHE, sb, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            fresh.clear();
        }
    }

    // ─────────────────────────── JSON (just enough) ───────────────────────────

    static final class Json {
        static String str(String s) {
            if (s == null) {
                return "null";
            }
            StringBuilder b = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            b.append(String.format("\\u%04x", (int) c));
                        } else {
                            b.append(c);
                        }
                    }
                }
            }
            return b.append('"').toString();
        }

        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String s) {
            Json j = new Json(s);
            j.ws();
            Object v = j.value();
            return v;
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private Object value() {
            ws();
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> m = new LinkedHashMap<>();
                i++;
                ws();
                if (s.charAt(i) == '}') {
                    i++;
                    return m;
                }
                while (true) {
                    ws();
                    String k = string();
                    ws();
                    i++; // :
                    m.put(k, value());
                    ws();
                    if (s.charAt(i++) == '}') {
                        return m;
                    }
                }
            }
            if (c == '[') {
                List<Object> l = new ArrayList<>();
                i++;
                ws();
                if (s.charAt(i) == ']') {
                    i++;
                    return l;
                }
                while (true) {
                    l.add(value());
                    ws();
                    if (s.charAt(i++) == ']') {
                        return l;
                    }
                }
            }
            if (c == '"') {
                return string();
            }
            if (s.startsWith("true", i)) {
                i += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("false", i)) {
                i += 5;
                return Boolean.FALSE;
            }
            if (s.startsWith("null", i)) {
                i += 4;
                return null;
            }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            return Double.parseDouble(s.substring(start, i));
        }

        private String string() {
            StringBuilder b = new StringBuilder();
            i++; // opening quote
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'r' -> b.append('\r');
                        case 'b' -> b.append('\b');
                        case 'f' -> b.append('\f');
                        case 'u' -> {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
        }

        @SuppressWarnings("unchecked")
        static Object at(Object o, String... path) {
            for (String p : path) {
                if (o instanceof Map<?, ?> m) {
                    o = ((Map<String, Object>) m).get(p);
                } else if (o instanceof List<?> l && p.matches("\\d+")) {
                    int k = Integer.parseInt(p);
                    o = k < l.size() ? l.get(k) : null;
                } else {
                    return null;
                }
            }
            return o;
        }
    }

    // ─────────────────────────── GraphQL over HTTP ───────────────────────────

    /**
     * What a response was: OK, a refused operation (its extensions.code), unsupported, or a transport
     * failure. The body of a successful answer is parsed only when a scenario reads it ({@link #json()}).
     */
    static final class Outcome {
        private final boolean ok;
        private final String code;
        private final boolean unsupported;
        private final String message;
        private String body;
        private Object json;

        Outcome(boolean ok, String code, boolean unsupported, Object json, String message) {
            this.ok = ok;
            this.code = code;
            this.unsupported = unsupported;
            this.json = json;
            this.message = message;
        }

        static Outcome okBody(String body) {
            Outcome o = new Outcome(true, "OK", false, null, null);
            o.body = body;
            return o;
        }

        boolean ok() {
            return ok;
        }

        String code() {
            return code;
        }

        boolean unsupported() {
            return unsupported;
        }

        String message() {
            return message;
        }

        Object json() {
            if (json == null && body != null) {
                json = Json.parse(body);
                body = null;
            }
            return json;
        }
    }

    /**
     * GraphQL over HTTP/1.1 with one keep-alive connection per calling thread, on a plain socket: the
     * driver shares the cores with the server and PostgreSQL, so it must cost as little CPU per
     * request as it can (the JDK's HttpClient cost about 1 ms per request here, pgbench's client 0.2 ms
     * per transaction). Requests are written in one piece; answers are read by Content-Length or
     * chunked transfer coding.
     */
    static final class Gql {
        final URI endpoint;
        final Map<String, String> documents = new ConcurrentHashMap<>();
        final Path opsDir;
        private final String hostHeader;
        private final ThreadLocal<Http> connections = new ThreadLocal<>();

        Gql(String baseUrl, Path opsDir, int connections) {
            this.endpoint = URI.create(baseUrl + "/graphql");
            this.opsDir = opsDir;
            this.hostHeader = endpoint.getHost() + ":" + port(endpoint);
        }

        static int port(URI u) {
            return u.getPort() > 0 ? u.getPort() : 80;
        }

        String document(String operation) {
            return documents.computeIfAbsent(operation, op -> {
                try {
                    return Files.readString(opsDir.resolve(op + ".graphql"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        String body(String operation, String variablesJson) {
            return "{\"query\":" + Json.str(document(operation)) + ",\"operationName\":" + Json.str(operation) + ",\"variables\":"
                    + (variablesJson == null ? "{}" : variablesJson) + "}";
        }

        Outcome call(String token, String operation, String variablesJson) {
            byte[] payload = body(operation, variablesJson).getBytes(StandardCharsets.UTF_8);
            String head = "POST " + endpoint.getRawPath() + " HTTP/1.1\r\nHost: " + hostHeader
                    + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Length: " + payload.length + "\r\n\r\n";
            for (int attempt = 0; ; attempt++) {
                Http c = connections.get();
                boolean fresh = c == null;
                try {
                    if (fresh) {
                        c = new Http(endpoint.getHost(), port(endpoint));
                        connections.set(c);
                    }
                    Http.Response res = c.exchange(head.getBytes(StandardCharsets.ISO_8859_1), payload);
                    if (res.close()) {
                        c.close();
                        connections.remove();
                    }
                    return judge(res.status(), res.body());
                } catch (IOException e) {
                    if (c != null) {
                        c.close();
                    }
                    connections.remove();
                    // a kept-alive connection the server closed meanwhile: once more on a new one
                    if (!fresh && attempt == 0) {
                        continue;
                    }
                    return new Outcome(false, "IO:" + e.getClass().getSimpleName(), false, null, String.valueOf(e.getMessage()));
                }
            }
        }

        static Outcome judge(int status, String body) {
            // the server writes "data" first and "errors" only when there are errors: most answers need no parsing
            if (status == 200 && body != null && body.startsWith("{\"data\":{") && !body.contains("\"errors\":")) {
                return Outcome.okBody(body);
            }
            Object json;
            try {
                json = body == null || body.isBlank() ? null : Json.parse(body);
            } catch (RuntimeException e) {
                return new Outcome(false, "HTTP_" + status, false, null, truncate(body));
            }
            Object errors = Json.at(json, "errors");
            if (errors instanceof List<?> l && !l.isEmpty()) {
                String code = String.valueOf(Json.at(l.get(0), "extensions", "code"));
                String classification = String.valueOf(Json.at(l.get(0), "extensions", "classification"));
                String message = String.valueOf(Json.at(l.get(0), "message"));
                // a field, argument or type the schema does not have yet: graphql-java's validation error
                boolean unsupported = "ValidationError".equals(classification) && message.startsWith("Validation error")
                        && !"QUERY_TOO_COMPLEX".equals(code);
                return new Outcome(false, "null".equals(code) ? "HTTP_" + status : code, unsupported, json, truncate(message));
            }
            if (status != 200 || Json.at(json, "data") == null) {
                return new Outcome(false, "HTTP_" + status, false, json, truncate(body));
            }
            return new Outcome(true, "OK", false, json, null);
        }

        static String truncate(String s) {
            return s == null ? null : s.length() > 300 ? s.substring(0, 300) + "..." : s;
        }
    }

    /** One HTTP/1.1 connection: a request out, its response in, in the calling thread. */
    static final class Http implements AutoCloseable {
        record Response(int status, String body, boolean close) {
        }

        private final java.net.Socket socket;
        private final java.io.OutputStream out;
        private final java.io.InputStream in;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private int lim;

        Http(String host, int port) throws IOException {
            socket = new java.net.Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new java.net.InetSocketAddress(host, port), 10_000);
            socket.setSoTimeout(60_000);
            out = socket.getOutputStream();
            in = socket.getInputStream();
        }

        Response exchange(byte[] head, byte[] body) throws IOException {
            byte[] all = new byte[head.length + body.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(body, 0, all, head.length, body.length);
            out.write(all);
            out.flush();
            String statusLine = line();
            if (statusLine == null || !statusLine.startsWith("HTTP/1.")) {
                throw new IOException("no HTTP status line: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String h = line(); h != null && !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = h.substring(0, colon).trim();
                String value = h.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                } else if (name.equalsIgnoreCase("Connection")) {
                    close = value.equalsIgnoreCase("close");
                }
            }
            java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream(length > 0 ? (int) length : 1024);
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0; size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    copy(content, size);
                    line();
                }
                for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                    // trailers are not used
                }
            } else if (length >= 0) {
                copy(content, length);
            } else {
                close = true;
                while (fill()) {
                    content.write(buf, pos, lim - pos);
                    pos = lim;
                }
            }
            return new Response(status, content.toString(StandardCharsets.UTF_8), close);
        }

        private boolean fill() throws IOException {
            if (pos < lim) {
                return true;
            }
            int n = in.read(buf);
            if (n < 0) {
                return false;
            }
            pos = 0;
            lim = n;
            return true;
        }

        private void copy(java.io.ByteArrayOutputStream to, long n) throws IOException {
            while (n > 0) {
                if (!fill()) {
                    throw new IOException("connection closed inside a response body");
                }
                int k = (int) Math.min(n, lim - pos);
                to.write(buf, pos, k);
                pos += k;
                n -= k;
            }
        }

        /** A line without its CRLF, null at the end of the stream. */
        private String line() throws IOException {
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (!fill()) {
                    return sb.length() == 0 ? null : sb.toString();
                }
                byte b = buf[pos++];
                if (b == '\n') {
                    int len = sb.length();
                    return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
                }
                sb.append((char) (b & 0xff));
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    // ─────────────────────────── measuring ───────────────────────────

    /** One request to make: who, which operation, which variables; null when a scenario runs out of targets. */
    record Call(String token, String operation, String variables) {
    }

    static final class Stats {
        final String scenario;
        final List<long[]> latencies = Collections.synchronizedList(new ArrayList<>());
        final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
        final Map<String, String> extra = new LinkedHashMap<>();
        final List<String> sampleErrors = new CopyOnWriteArrayList<>();
        /** Rows (e.g. edges) summed over the recorded successful answers, and how many answers were counted. */
        final AtomicLong rowsSum = new AtomicLong();
        final AtomicLong rowsPages = new AtomicLong();
        String status = "ok";
        double seconds;
        long rssMaxKb;
        long rssMedianKb;

        Stats(String scenario) {
            this.scenario = scenario;
        }

        long[] sorted() {
            int n = 0;
            synchronized (latencies) {
                for (long[] a : latencies) {
                    n += (int) a[0];
                }
                long[] all = new long[n];
                int k = 0;
                for (long[] a : latencies) {
                    System.arraycopy(a, 1, all, k, (int) a[0]);
                    k += (int) a[0];
                }
                Arrays.sort(all);
                return all;
            }
        }

        static double pct(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
        }

        String line(String label) {
            return line(label, "1");
        }

        String line(String label, String run) {
            long[] s = sorted();
            long ok = outcomes.getOrDefault("OK", new AtomicLong()).get();
            long errors = outcomes.entrySet().stream().filter(e -> !e.getKey().equals("OK")).mapToLong(e -> e.getValue().get()).sum();
            if ("ok".equals(status) && ok == 0 && errors > 0) {
                status = "failed";
            }
            StringBuilder b = new StringBuilder("RESULT label=").append(label).append(" run=").append(run).append(" scenario=").append(scenario).append(" status=").append(status);
            b.append(String.format(Locale.ROOT, " ok=%d errors=%d seconds=%.1f rps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f rss_max_mb=%.0f rss_median_mb=%.0f",
                    ok, errors, seconds, seconds > 0 ? ok / seconds : 0, pct(s, 0.50), pct(s, 0.99), pct(s, 1.0),
                    rssMaxKb / 1024.0, rssMedianKb / 1024.0));
            extra.forEach((k, v) -> b.append(' ').append(k).append('=').append(v.replace(' ', '_')));
            if (errors > 0) {
                b.append(" error_codes=");
                b.append(String.join(",", outcomes.entrySet().stream().filter(e -> !e.getKey().equals("OK"))
                        .map(e -> e.getKey() + ":" + e.getValue().get()).toList()));
            }
            return b.toString();
        }
    }

    /**
     * CPU time, in milliseconds, of the three parties that share the machine's cores: the server JVM
     * (--server-pid), the bench PostgreSQL cluster (--db-pid, the postmaster) and this driver. -1 when
     * unknown. /proc/PID/stat times are in USER_HZ (100 per second on Linux): 10 ms resolution.
     */
    record Cpu(long server, long db, long driver) {

        static Cpu take(String serverPid, String dbPid) {
            return new Cpu(RssSampler.cpuMs(serverPid), clusterMs(dbPid), driverMs());
        }

        /** Puts "<name>=<ms per request>" into s.extra for each party measured at both ends of the window. */
        static void into(Stats s, Cpu from, Cpu to, long ok) {
            if (from == null || to == null || ok <= 0) {
                return;
            }
            put(s, "server_cpu_ms_per_req", from.server, to.server, ok);
            put(s, "db_cpu_ms_per_req", from.db, to.db, ok);
            put(s, "driver_cpu_ms_per_req", from.driver, to.driver, ok);
        }

        private static void put(Stats s, String key, long a, long b, long ok) {
            if (a >= 0 && b >= 0) {
                s.extra.put(key, String.format(Locale.ROOT, "%.2f", (b - a) / (double) ok));
            }
        }

        /** The driver JVM's own process CPU time (every thread: virtual users, HTTP client, samplers). */
        static long driverMs() {
            try {
                if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                    long ns = os.getProcessCpuTime();
                    return ns < 0 ? -1 : ns / 1_000_000;
                }
            } catch (RuntimeException | LinkageError e) {
                // not a HotSpot-style JVM: unknown
            }
            return -1;
        }

        /**
         * CPU time of the PostgreSQL cluster: the postmaster's utime + stime, plus utime + stime of every
         * process whose parent is the postmaster (backends, checkpointer, walwriter, io workers, autovacuum),
         * listed again at every sample since backends come and go, plus the postmaster's cutime + cstime.
         * The children are found by scanning /proc (every process's ppid), not from a cached list.
         *
         * Backends that exit during the window: their live figures vanish from the scan, but once the
         * postmaster has reaped them (waitpid) the kernel adds their whole CPU time to the postmaster's
         * cutime/cstime, so it is still counted. What can be lost is a backend that exited and was not yet
         * reaped when the window closed (milliseconds), and the CPU of processes whose parent is not the
         * postmaster (none in PostgreSQL). The server's pool keeps its connections for the whole window, so
         * the churn is limited to autovacuum workers anyway. A child reaped while the scan runs would be
         * counted twice (live and in cutime) or not at all: the scan is repeated when the postmaster's
         * cutime + cstime changed during it.
         */
        static long clusterMs(String postmasterPid) {
            if (postmasterPid == null || postmasterPid.isBlank()) {
                return -1;
            }
            for (int attempt = 0; attempt < 5; attempt++) {
                long[] pm = statTicks(postmasterPid);
                if (pm == null) {
                    return -1;
                }
                long children = 0;
                try (java.util.stream.Stream<Path> procs = Files.list(Path.of("/proc"))) {
                    for (Path p : (Iterable<Path>) procs::iterator) {
                        String name = p.getFileName().toString();
                        if (name.isEmpty() || !Character.isDigit(name.charAt(0)) || name.equals(postmasterPid)) {
                            continue;
                        }
                        long[] c = statTicks(name);
                        if (c != null && c[0] == Long.parseLong(postmasterPid)) {
                            children += c[1] + c[2] + c[3] + c[4];
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    return -1;
                }
                long[] pm2 = statTicks(postmasterPid);
                if (pm2 == null) {
                    return -1;
                }
                if (pm2[3] + pm2[4] == pm[3] + pm[4] || attempt == 4) {
                    return (pm2[1] + pm2[2] + pm2[3] + pm2[4] + children) * 10;
                }
            }
            return -1;
        }

        /** {ppid, utime, stime, cutime, cstime} of /proc/PID/stat in ticks, null when the process is gone. */
        static long[] statTicks(String pid) {
            try {
                String st = Files.readString(Path.of("/proc", pid, "stat"));
                // after "pid (comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime
                String[] f = st.substring(st.lastIndexOf(')') + 2).split(" ");
                return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14])};
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }

    /** Samples the server's resident memory while a scenario runs. */
    static final class RssSampler implements AutoCloseable {
        final Path status;
        final List<Long> samples = new CopyOnWriteArrayList<>();
        final Thread thread;
        volatile boolean running = true;

        RssSampler(String pid) {
            this.status = pid == null ? null : Path.of("/proc", pid, "status");
            this.thread = new Thread(() -> {
                while (running && status != null) {
                    long kb = rssKb(status);
                    if (kb > 0) {
                        samples.add(kb);
                    }
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "rss-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        /** utime + stime of a process in milliseconds (/proc/PID/stat, USER_HZ 100), -1 when unknown. */
        static long cpuMs(String pid) {
            if (pid == null) {
                return -1;
            }
            try {
                String st = Files.readString(Path.of("/proc", pid, "stat"));
                String[] f = st.substring(st.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }

        static long rssKb(Path status) {
            try {
                for (String l : Files.readAllLines(status)) {
                    if (l.startsWith("VmRSS:")) {
                        return Long.parseLong(l.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | RuntimeException e) {
                return -1;
            }
            return -1;
        }

        void into(Stats s) {
            List<Long> l = new ArrayList<>(samples);
            Collections.sort(l);
            s.rssMaxKb = l.isEmpty() ? 0 : l.get(l.size() - 1);
            s.rssMedianKb = l.isEmpty() ? 0 : l.get(l.size() / 2);
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
        }
    }

    // ─────────────────────────── the run ───────────────────────────

    static final class Run {
        final Map<String, String> o;
        final Tokens tokens;
        final Gql gql;
        final Path input;
        int duration;
        int warmup;
        final int concurrency;
        final String label;
        final String serverPid;
        final String dbPid;
        final Path out;
        final Map<String, String> meta = new HashMap<>();
        final Random random = new Random(42);

        Run(Map<String, String> o, Tokens tokens) throws IOException {
            this.o = o;
            this.tokens = tokens;
            this.concurrency = Integer.parseInt(o.getOrDefault("concurrency", "32"));
            this.gql = new Gql(req(o, "url"), Path.of(o.getOrDefault("ops", "graphql/operations")), concurrency);
            this.input = Path.of(req(o, "input"));
            this.duration = Integer.parseInt(o.getOrDefault("duration", "20"));
            this.warmup = Integer.parseInt(o.getOrDefault("warmup", "5"));
            this.label = o.getOrDefault("label", "run");
            this.serverPid = o.get("server-pid");
            this.dbPid = o.get("db-pid");
            this.out = o.containsKey("out") ? Path.of(o.get("out")) : null;
            for (String[] r : csv("meta.csv")) {
                meta.put(r[0], r[1]);
            }
        }

        List<String[]> csv(String name) throws IOException {
            Path f = input.resolve(name);
            if (!Files.exists(f)) {
                return List.of();
            }
            List<String[]> rows = new ArrayList<>();
            for (String l : Files.readAllLines(f)) {
                if (!l.isBlank()) {
                    rows.add(l.split(",", -1));
                }
            }
            return rows;
        }

        String campaignId() {
            return meta.getOrDefault("open_campaign_id", "3");
        }

        void presignWorkers(List<String> subjects) throws Exception {
            LoadDriver.presignWorkers(tokens, subjects);
        }

        void run() throws Exception {
            String list = o.getOrDefault("scenarios", "me,my-applications,courses,review-queue,review-queue-full,submit,approve,sync,quota-fanout");
            System.err.printf("[driver] %s: %s, %d virtual users, %d s warm-up + %d s per scenario%n", label, gql.endpoint, concurrency, warmup, duration);
            int prewarm = Integer.parseInt(o.getOrDefault("prewarm", "0"));
            if (prewarm > 0) {
                // JIT warm-up of the server on the read paths; nothing recorded
                int d = duration, w = warmup;
                List<String> reads = Arrays.stream(list.split(",")).map(String::trim)
                        .filter(x -> List.of("me", "my-applications", "courses", "review-queue", "review-queue-full").contains(x)).toList();
                System.err.printf("[driver] pre-warming the server for %d s on %s%n", prewarm, reads);
                duration = 0;
                warmup = Math.max(1, prewarm / Math.max(1, reads.size()));
                for (String x : reads) {
                    switch (x) {
                        case "me" -> me();
                        case "my-applications" -> myApplications();
                        case "courses" -> courses();
                        case "review-queue-full" -> reviewQueueFull();
                        default -> reviewQueue();
                    }
                }
                duration = d;
                warmup = w;
            }
            for (String sc : list.split(",")) {
                Stats s;
                try {
                    s = switch (sc.trim()) {
                        case "me" -> me();
                        case "my-applications" -> myApplications();
                        case "courses" -> courses();
                        case "review-queue" -> reviewQueue();
                        case "review-queue-full" -> reviewQueueFull();
                        case "submit" -> submit();
                        case "approve" -> approve();
                        case "sync" -> sync();
                        case "quota-fanout" -> quotaFanout();
                        default -> throw new IllegalArgumentException("unknown scenario " + sc);
                    };
                } catch (RuntimeException e) {
                    s = new Stats(sc.trim());
                    s.status = "failed";
                    s.extra.put("reason", "\"" + String.valueOf(e).replace('"', '\'').replace(' ', '_') + "\"");
                    e.printStackTrace();
                }
                String line = s.line(label, o.getOrDefault("run", "1"));
                System.out.println(line);
                for (String err : s.sampleErrors) {
                    System.err.println("[driver]   " + sc + " error sample: " + err);
                }
                if (out != null) {
                    Files.writeString(out, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
                tokens.save();
            }
        }

        /** Sends the first call alone: a validation error means the operation is not served yet. */
        boolean probe(Stats s, Call c) {
            Outcome r = gql.call(c.token(), c.operation(), c.variables());
            if (r.unsupported()) {
                s.status = "unsupported";
                s.extra.put("reason", "\"" + String.valueOf(r.message()).replace('"', '\'') + "\"");
                System.err.printf("[driver] %s: unsupported (%s)%n", s.scenario, r.message());
                return false;
            }
            if (!r.ok()) {
                s.sampleErrors.add(r.code() + " " + r.message());
            }
            return true;
        }

        /** Closed loop: each virtual user sends its next call as soon as the previous one answered. */
        interface Prep {
            void run() throws Exception;
        }

        /** Probes with the first call, then prepares (signs the tokens ahead), then runs the closed loop. */
        Stats loop(Stats s, Supplier<Call> next, int users, Prep prepare) throws Exception {
            return loop(s, next, users, prepare, null);
        }

        /**
         * The same; rows, when given, counts the rows of each recorded successful answer (-1: not
         * countable), and their mean is recorded as rows_per_page.
         */
        Stats loop(Stats s, Supplier<Call> next, int users, Prep prepare, java.util.function.ToIntFunction<Outcome> rows) throws Exception {
            Call first = next.get();
            if (first == null) {
                s.status = "no-data";
                return s;
            }
            if (!probe(s, first)) {
                return s;
            }
            prepare.run();
            long warmEnd = System.nanoTime() + warmup * 1_000_000_000L;
            long end = warmEnd + duration * 1_000_000_000L;
            Cpu[] cpuAtWarmEnd = {null};
            Thread cpuMark = new Thread(() -> {
                try {
                    Thread.sleep(Math.max(0, (warmEnd - System.nanoTime()) / 1_000_000));
                    cpuAtWarmEnd[0] = Cpu.take(serverPid, dbPid);
                } catch (InterruptedException e) {
                    // stopped early
                }
            });
            cpuMark.setDaemon(true);
            cpuMark.start();
            AtomicInteger exhausted = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            try (RssSampler rss = new RssSampler(serverPid)) {
                for (int u = 0; u < users; u++) {
                    Thread t = new Thread(() -> {
                        long[] buf = new long[1 << 16];
                        int n = 0;
                        while (true) {
                            long now = System.nanoTime();
                            if (now >= end) {
                                break;
                            }
                            Call c = next.get();
                            if (c == null) {
                                exhausted.incrementAndGet();
                                break;
                            }
                            long t0 = System.nanoTime();
                            Outcome r = gql.call(c.token(), c.operation(), c.variables());
                            long t1 = System.nanoTime();
                            if (t0 < warmEnd) {
                                continue;
                            }
                            s.outcomes.computeIfAbsent(r.code(), k -> new AtomicLong()).incrementAndGet();
                            if (!r.ok() && s.sampleErrors.size() < 3) {
                                s.sampleErrors.add(r.code() + " " + r.message());
                            }
                            if (r.ok()) {
                                if (rows != null) {
                                    int k = rows.applyAsInt(r);
                                    if (k >= 0) {
                                        s.rowsSum.addAndGet(k);
                                        s.rowsPages.incrementAndGet();
                                    }
                                }
                                if (n + 1 >= buf.length) {
                                    s.latencies.add(withCount(buf, n));
                                    buf = new long[1 << 16];
                                    n = 0;
                                }
                                buf[++n] = t1 - t0;
                            }
                        }
                        s.latencies.add(withCount(buf, n));
                    }, s.scenario + "-" + u);
                    threads.add(t);
                    t.start();
                }
                for (Thread t : threads) {
                    t.join();
                }
                long stopped = Math.min(System.nanoTime(), end);
                s.seconds = Math.max(0, (stopped - warmEnd) / 1e9);
                Cpu cpuEnd = Cpu.take(serverPid, dbPid);
                long ok = s.outcomes.getOrDefault("OK", new AtomicLong()).get();
                Cpu.into(s, cpuAtWarmEnd[0], cpuEnd, ok);
                if (s.rowsPages.get() > 0) {
                    s.extra.put("rows_per_page", String.format(Locale.ROOT, "%.2f", s.rowsSum.get() / (double) s.rowsPages.get()));
                }
                rss.into(s);
            }
            if (exhausted.get() > 0) {
                s.extra.put("targets_exhausted", "true");
            }
            return s;
        }

        static long[] withCount(long[] buf, int n) {
            buf[0] = n;
            return buf;
        }

        List<String> workerRange() {
            int from = Integer.parseInt(meta.getOrDefault("myapps_worker_from", "2001"));
            int to = Integer.parseInt(meta.getOrDefault("myapps_worker_to", "4000"));
            List<String> subjects = new ArrayList<>();
            for (int w = from; w <= to; w++) {
                subjects.add("bench-w-" + w);
            }
            return subjects;
        }

        String workerToken(String subject) {
            return tokens.get(subject, List.of("worker"), null, null);
        }

        Stats me() throws Exception {
            List<String> subjects = workerRange();
            AtomicInteger i = new AtomicInteger();
            return loop(new Stats("me"), () -> new Call(workerToken(subjects.get(Math.floorMod(i.getAndIncrement() * 7919, subjects.size()))), "Me", null),
                    concurrency, () -> presignWorkers(subjects));
        }

        Stats myApplications() throws Exception {
            List<String> subjects = workerRange();
            AtomicInteger i = new AtomicInteger();
            Stats s = loop(new Stats("my-applications"), () -> new Call(workerToken(subjects.get(Math.floorMod(i.getAndIncrement() * 7919, subjects.size()))),
                    "MyApplications", null), concurrency, () -> presignWorkers(subjects));
            s.extra.put("workers", subjects.size() + "");
            return s;
        }

        Stats courses() throws Exception {
            List<String> subjects = workerRange();
            List<String[]> combos = csv("courses.csv"); // track,level
            if (combos.isEmpty()) {
                combos = Collections.singletonList(new String[] {"SKILL", "SKILL_4"});
            }
            List<String[]> c = combos;
            AtomicInteger i = new AtomicInteger();
            return loop(new Stats("courses"), () -> {
                int k = i.getAndIncrement();
                String[] tl = c.get(Math.floorMod(k * 31, c.size()));
                return new Call(workerToken(subjects.get(Math.floorMod(k * 7919, subjects.size()))), "Courses",
                        "{\"campaignId\":" + Json.str(campaignId()) + ",\"track\":" + Json.str(tl[0]) + ",\"targetLevel\":" + Json.str(tl[1]) + ",\"first\":20}");
            }, concurrency, () -> presignWorkers(subjects));
        }

        Stats reviewQueue() throws Exception {
            // review_units.csv: stage,code; a fixed sample per stage (same codes at every data size)
            Map<String, List<String>> byStage = reviewUnits();
            if (byStage.isEmpty()) {
                Stats s = new Stats("review-queue");
                s.status = "no-data";
                return s;
            }
            List<String[]> picks = new ArrayList<>();
            Random r = new Random(7);
            int perStage = Integer.parseInt(o.getOrDefault("review-units-per-stage", "100"));
            for (Map.Entry<String, List<String>> e : byStage.entrySet()) {
                List<String> codes = new ArrayList<>(e.getValue());
                Collections.shuffle(codes, r);
                for (String code : codes.subList(0, Math.min(perStage, codes.size()))) {
                    picks.add(new String[] {e.getKey(), code});
                }
            }
            return reviewLoop("review-queue", picks, 20);
        }

        /**
         * Reviewers of the CITY stage only (every city), first 8: at 10k the CITY queues hold 8 to 81 cases,
         * at 1M up to about 9,700, so the pages are equally full at both sizes and only the scale of the data
         * differs; rows_per_page shows how full they were.
         * (At 10k most GRASSROOTS and TOWNSHIP queues hold 0 to 2 cases, which makes review-queue's pages
         * much emptier at 10k than at 1M.)
         */
        Stats reviewQueueFull() throws Exception {
            List<String> cities = reviewUnits().getOrDefault("CITY", List.of());
            if (cities.isEmpty()) {
                Stats s = new Stats("review-queue-full");
                s.status = "no-data";
                return s;
            }
            List<String[]> picks = new ArrayList<>();
            for (String code : cities) {
                picks.add(new String[] {"CITY", code});
            }
            return reviewLoop("review-queue-full", picks, 8);
        }

        /** review_units.csv (stage,code) by stage. */
        Map<String, List<String>> reviewUnits() throws IOException {
            Map<String, List<String>> byStage = new TreeMap<>();
            for (String[] r : csv("review_units.csv")) {
                byStage.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r[1]);
            }
            return byStage;
        }

        /** ReviewQueue by reviewers whose token's org_unit is the unit itself; records the mean edges per page. */
        Stats reviewLoop(String name, List<String[]> picks, int first) throws Exception {
            List<String[]> specs = new ArrayList<>();
            for (String[] p : picks) {
                specs.add(new String[] {"bench-r-" + p[1], "reviewer", p[1], null});
            }
            AtomicInteger i = new AtomicInteger();
            Stats s = loop(new Stats(name), () -> {
                String[] p = picks.get(Math.floorMod(i.getAndIncrement() * 7919, picks.size()));
                return new Call(tokens.get("bench-r-" + p[1], List.of("reviewer"), p[1], null), "ReviewQueue",
                        "{\"campaignId\":" + Json.str(campaignId()) + ",\"stage\":" + Json.str(p[0]) + ",\"first\":" + first + "}");
            }, concurrency, () -> tokens.presign(specs),
                    r -> Json.at(r.json(), "data", "reviewQueue", "edges") instanceof List<?> edges ? edges.size() : -1);
            s.extra.put("reviewers", picks.size() + "");
            s.extra.put("first", first + "");
            return s;
        }

        Stats submit() throws Exception {
            List<String[]> targets = csv("submit_target.csv"); // n,subject,campaign_id,course_id
            int need = Math.min(targets.size(), Integer.parseInt(o.getOrDefault("submit-presign", "" + targets.size())));
            List<String[]> specs = new ArrayList<>();
            for (String[] t : targets.subList(0, need)) {
                specs.add(new String[] {t[1], "worker", null, null});
            }
            AtomicInteger i = new AtomicInteger();
            Stats s = loop(new Stats("submit"), () -> {
                int k = i.getAndIncrement();
                if (k >= targets.size()) {
                    return null;
                }
                String[] t = targets.get(k);
                return new Call(workerToken(t[1]), "SubmitApplication", "{\"input\":{\"campaignId\":" + Json.str(t[2]) + ",\"courseId\":" + Json.str(t[3])
                        + ",\"clientRequestId\":" + Json.str("drv-" + t[0]) + "}}");
            }, concurrency, () -> tokens.presign(specs));
            s.extra.put("targets_used", Math.min(i.get(), targets.size()) + "");
            return s;
        }

        List<String[]> approveTargets() throws IOException {
            return csv("approve_target.csv"); // n,application_id,version,city_code
        }

        String cityReviewer(String cityCode) {
            return tokens.get("bench-r-" + cityCode, List.of("reviewer"), cityCode, null);
        }

        Stats approve() throws Exception {
            List<String[]> targets = approveTargets();
            // the last ones are kept for quota-fanout
            int usable = Math.max(0, targets.size() - 1000);
            AtomicInteger i = new AtomicInteger();
            Stats s = loop(new Stats("approve"), () -> {
                int k = i.getAndIncrement();
                if (k >= usable) {
                    return null;
                }
                String[] t = targets.get(k);
                return new Call(cityReviewer(t[3]), "ApproveApplication",
                        "{\"id\":" + Json.str(t[1]) + ",\"expectedVersion\":" + t[2] + ",\"comment\":\"bench\"}");
            }, concurrency, () -> { });
            s.extra.put("targets_used", Math.min(i.get(), usable) + "");
            return s;
        }

        /** 1,000 single-item SyncEnrollments calls one after the other, then one 1,000-item call, on other cases. */
        Stats sync() throws Exception {
            Stats s = new Stats("sync");
            List<String[]> rows = csv("sync_target.csv"); // academy_code,n,application_id (one academy, most targets)
            int items = Integer.parseInt(o.getOrDefault("sync-items", "1000"));
            int batches = Integer.parseInt(o.getOrDefault("sync-batches", "3"));
            int warmSingles = 500;
            int needed = 1 + warmSingles + items + items + batches * items;
            if (rows.size() < needed) {
                s.status = "no-data";
                s.extra.put("reason", "\"needs " + needed + " APPROVED cases of one academy, has " + rows.size() + "\"");
                return s;
            }
            String academy = rows.get(0)[0];
            String token = tokens.get("bench-academy-" + academy, List.of("academy"), null, academy);
            String at = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
            java.util.function.Function<List<String[]>, String> batch = l -> {
                StringBuilder b = new StringBuilder("{\"items\":[");
                for (int k = 0; k < l.size(); k++) {
                    String id = l.get(k)[2];
                    b.append(k > 0 ? "," : "").append("{\"applicationId\":").append(Json.str(id)).append(",\"externalRef\":")
                            .append(Json.str("DRV-" + id)).append(",\"status\":\"ENROLLED\",\"occurredAt\":").append(Json.str(at)).append('}');
                }
                return b.append("]}").toString();
            };
            // probe with the first case
            if (!probe(s, new Call(token, "SyncEnrollments", batch.apply(rows.subList(0, 1))))) {
                return s;
            }
            // warm-up, not timed: single calls and one batch on cases of their own, so that neither side is
            // measured while the JIT still compiles its path
            int next = 1;
            for (int k = 0; k < warmSingles; k++, next++) {
                gql.call(token, "SyncEnrollments", batch.apply(rows.subList(next, next + 1)));
            }
            gql.call(token, "SyncEnrollments", batch.apply(rows.subList(next, next + items)));
            next += items;
            try (RssSampler rss = new RssSampler(serverPid)) {
                List<String[]> singles = rows.subList(next, next + items);
                next += items;
                long[] lat = new long[items + 1];
                long applied = 0;
                long t0 = System.nanoTime();
                for (int k = 0; k < items; k++) {
                    long a = System.nanoTime();
                    Outcome r = gql.call(token, "SyncEnrollments", batch.apply(singles.subList(k, k + 1)));
                    lat[k + 1] = System.nanoTime() - a;
                    s.outcomes.computeIfAbsent(r.code(), x -> new AtomicLong()).incrementAndGet();
                    if (r.ok() && Json.at(r.json(), "data", "syncEnrollments", "applied") instanceof Double d) {
                        applied += d.longValue();
                    } else if (!r.ok() && s.sampleErrors.size() < 3) {
                        s.sampleErrors.add(r.code() + " " + r.message());
                    }
                }
                long singlesNs = System.nanoTime() - t0;
                lat[0] = items;
                s.latencies.add(lat);
                // the batch: several calls of `items` other cases each, one after the other; their median is the figure
                // (a single call is one sample of a noisy machine, the 1,000 single calls are a thousand)
                long[] batchNs = new long[batches];
                long batchApplied = 0;
                boolean batchOk = true;
                for (int b = 0; b < batches; b++) {
                    List<String[]> many = rows.subList(next + items * b, next + items * (b + 1));
                    long b0 = System.nanoTime();
                    Outcome r = gql.call(token, "SyncEnrollments", batch.apply(many));
                    batchNs[b] = System.nanoTime() - b0;
                    if (r.ok() && Json.at(r.json(), "data", "syncEnrollments", "applied") instanceof Double d) {
                        batchApplied += d.longValue();
                    } else {
                        batchOk = false;
                        s.sampleErrors.add("batch: " + r.code() + " " + r.message());
                    }
                }
                long[] sorted = batchNs.clone();
                Arrays.sort(sorted);
                long medianNs = sorted[batches / 2];
                s.seconds = (singlesNs + Arrays.stream(batchNs).sum()) / 1e9;
                s.extra.put("singles_total_ms", String.format(Locale.ROOT, "%.1f", singlesNs / 1e6));
                s.extra.put("singles_applied", applied + "");
                s.extra.put("batch_ms", String.format(Locale.ROOT, "%.1f", medianNs / 1e6));
                s.extra.put("batch_calls_ms", "\"" + String.join(",", Arrays.stream(batchNs).mapToObj(n -> String.format(Locale.ROOT, "%.1f", n / 1e6))
                        .toList()) + "\"");
                s.extra.put("batch_ok", batchOk + "");
                s.extra.put("batch_applied", batchApplied + "");
                s.extra.put("batch_speedup", String.format(Locale.ROOT, "%.1f", (double) singlesNs / medianNs));
                rss.into(s);
            }
            return s;
        }

        /** Subscribers on QuotaChanged; approvals one at a time; how long each change takes to reach every subscriber. */
        Stats quotaFanout() throws Exception {
            Stats s = new Stats("quota-fanout");
            int subscribers = Integer.parseInt(o.getOrDefault("subscribers", "500"));
            int events = Integer.parseInt(o.getOrDefault("fanout-events", "30"));
            List<String[]> targets = approveTargets();
            if (targets.size() < events) {
                s.status = "no-data";
                return s;
            }
            List<String[]> mine = targets.subList(targets.size() - events, targets.size());
            String token = tokens.get("bench-admin-province", List.of("admin"), "330000", null);
            String subscribe = "{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":" + gql.body("QuotaChanged",
                    "{\"campaignId\":" + Json.str(campaignId()) + "}") + "}";
            URI ws = URI.create(gql.endpoint.toString().replaceFirst("^http", "ws"));
            List<Subscriber> subs = new ArrayList<>();
            HttpClient wsClient = HttpClient.newBuilder().executor(daemonPool(4, "ws")).connectTimeout(Duration.ofSeconds(10)).build();
            try (RssSampler rss = new RssSampler(serverPid)) {
                List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
                for (int k = 0; k < subscribers; k++) {
                    Subscriber sub = new Subscriber(token, subscribe);
                    subs.add(sub);
                    opening.add(wsClient.newWebSocketBuilder().subprotocols("graphql-transport-ws")
                            .header("Authorization", "Bearer " + token).connectTimeout(Duration.ofSeconds(20))
                            .buildAsync(ws, sub).whenComplete((w, e) -> {
                                if (e != null) {
                                    sub.failure = String.valueOf(e.getCause() == null ? e : e.getCause());
                                }
                            }));
                    if (k % 50 == 49) {
                        Thread.sleep(20); // do not open them all in one burst
                    }
                }
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (System.nanoTime() < deadline && subs.stream().anyMatch(x -> !x.acked && x.failure == null && x.error == null)) {
                    Thread.sleep(100);
                }
                Thread.sleep(2000); // let the subscriptions register on the server
                long acked = subs.stream().filter(x -> x.acked).count();
                String validation = subs.stream().map(x -> x.error).filter(e -> e != null).findFirst().orElse(null);
                if (validation != null && validation.contains("Validation error")) {
                    s.status = "unsupported";
                    s.extra.put("reason", "\"" + validation.replace('"', '\'') + "\"");
                    return s;
                }
                String failure = subs.stream().map(x -> x.failure != null ? x.failure : x.error).filter(e -> e != null).findFirst().orElse(null);
                if (failure != null) {
                    s.sampleErrors.add(failure);
                }
                s.extra.put("subscribers", subscribers + "");
                s.extra.put("connected", acked + "");
                if (acked == 0) {
                    s.status = "failed";
                    s.extra.put("reason", "\"no subscriber connected: " + String.valueOf(failure).replace('"', '\'') + "\"");
                    return s;
                }
                List<Long> delivery = new ArrayList<>();
                long[] approveLat = new long[events + 1];
                long delivered = 0;
                long t0All = System.nanoTime();
                for (int e = 0; e < events; e++) {
                    String[] t = mine.get(e);
                    long t0 = System.nanoTime();
                    Outcome r = gql.call(cityReviewer(t[3]), "ApproveApplication",
                            "{\"id\":" + Json.str(t[1]) + ",\"expectedVersion\":" + t[2] + ",\"comment\":\"fan-out\"}");
                    approveLat[e + 1] = System.nanoTime() - t0;
                    if (r.unsupported()) {
                        s.status = "unsupported";
                        s.extra.put("reason", "\"approveApplication: " + String.valueOf(r.message()).replace('"', '\'') + "\"");
                        return s;
                    }
                    if (!r.ok()) {
                        s.outcomes.computeIfAbsent("approve_" + r.code(), x -> new AtomicLong()).incrementAndGet();
                        if (s.sampleErrors.size() < 3) {
                            s.sampleErrors.add("approve: " + r.code() + " " + r.message());
                        }
                        continue;
                    }
                    long wait = System.nanoTime() + 5_000_000_000L;
                    while (System.nanoTime() < wait && subs.stream().anyMatch(x -> x.acked && x.firstAfter(t0) < 0)) {
                        Thread.sleep(2);
                    }
                    for (Subscriber x : subs) {
                        long at = x.firstAfter(t0);
                        if (at >= 0) {
                            delivery.add(at - t0);
                            delivered++;
                        }
                    }
                    s.outcomes.computeIfAbsent("OK", x -> new AtomicLong()).incrementAndGet();
                }
                s.seconds = (System.nanoTime() - t0All) / 1e9;
                long[] d = new long[delivery.size() + 1];
                d[0] = delivery.size();
                for (int k = 0; k < delivery.size(); k++) {
                    d[k + 1] = delivery.get(k);
                }
                s.latencies.add(d);
                approveLat[0] = events;
                long[] a = Arrays.copyOfRange(approveLat, 1, approveLat.length);
                Arrays.sort(a);
                s.extra.put("events", events + "");
                s.extra.put("delivered", delivered + "");
                s.extra.put("expected", (acked * events) + "");
                s.extra.put("approve_p50_ms", String.format(Locale.ROOT, "%.2f", Stats.pct(a, 0.5)));
                rss.into(s);
                s.extra.put("note", "latencies=delivery_after_approve_sent");
            } finally {
                for (Subscriber x : subs) {
                    if (x.socket != null) {
                        x.socket.abort();
                    }
                }
            }
            return s;
        }
    }

    /** One graphql-transport-ws connection: init, ack, subscribe, record the arrival time of every "next". */
    static final class Subscriber implements WebSocket.Listener {
        final String token;
        final String subscribe;
        final StringBuilder partial = new StringBuilder();
        final List<Long> arrivals = new CopyOnWriteArrayList<>();
        volatile WebSocket socket;
        volatile boolean acked;
        volatile String error;
        volatile String failure;

        Subscriber(String token, String subscribe) {
            this.token = token;
            this.subscribe = subscribe;
        }

        long firstAfter(long t0) {
            for (long a : arrivals) {
                if (a >= t0) {
                    return a;
                }
            }
            return -1;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            this.socket = webSocket;
            webSocket.sendText("{\"type\":\"connection_init\"}", true); // the token already rides on the upgrade request
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            long now = System.nanoTime();
            partial.append(data);
            if (last) {
                String msg = partial.toString();
                partial.setLength(0);
                Object json = Json.parse(msg);
                String type = String.valueOf(Json.at(json, "type"));
                switch (type) {
                    case "connection_ack" -> {
                        webSocket.sendText(subscribe, true);
                        acked = true;
                    }
                    case "next" -> {
                        Object errors = Json.at(json, "payload", "errors");
                        if (errors instanceof List<?> l && !l.isEmpty()) {
                            error = String.valueOf(Json.at(l.get(0), "message"));
                        } else {
                            arrivals.add(now);
                        }
                    }
                    case "error" -> error = String.valueOf(Json.at(json, "payload", "0", "message"));
                    case "ping" -> webSocket.sendText("{\"type\":\"pong\"}", true);
                    default -> {
                    }
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (!acked || statusCode != WebSocket.NORMAL_CLOSURE) {
                failure = "closed " + statusCode + " " + reason;
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            failure = String.valueOf(error);
        }
    }

    static void presignWorkers(LoadDriver.Tokens t, List<String> subjects) throws Exception {
        List<String[]> specs = new ArrayList<>();
        for (String s : subjects) {
            specs.add(new String[] {s, "worker", null, null});
        }
        t.presign(specs);
    }

    // ─────────────────────────── report ───────────────────────────

    /** Medians over the runs of every RESULT line (driver, run.sh, pgbench), the ratios, the targets: Markdown. */
    static final class Report {

        static List<Map<String, String>> read(Path f) throws IOException {
            List<Map<String, String>> rows = new ArrayList<>();
            if (f == null || !Files.exists(f)) {
                return rows;
            }
            for (String l : Files.readAllLines(f)) {
                l = l.trim();
                if (!l.startsWith("RESULT ")) {
                    continue;
                }
                Map<String, String> m = new LinkedHashMap<>();
                for (String kv : l.substring(7).split(" ")) {
                    int i = kv.indexOf('=');
                    if (i > 0) {
                        m.put(kv.substring(0, i), kv.substring(i + 1));
                    }
                }
                rows.add(m);
            }
            return rows;
        }

        static double median(List<Double> v) {
            List<Double> l = v.stream().filter(d -> !d.isNaN()).sorted().toList();
            if (l.isEmpty()) {
                return Double.NaN;
            }
            int n = l.size();
            return n % 2 == 1 ? l.get(n / 2) : (l.get(n / 2 - 1) + l.get(n / 2)) / 2;
        }

        static double num(Map<String, String> m, String k) {
            try {
                return Double.parseDouble(m.getOrDefault(k, "NaN"));
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }

        static double med(List<Map<String, String>> rows, String key) {
            return median(rows.stream().map(r -> num(r, key)).toList());
        }

        static String f(double d, int decimals) {
            return Double.isNaN(d) ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", d);
        }

        static void write(Map<String, String> o) throws IOException {
            List<Map<String, String>> results = read(Path.of(req(o, "results")));
            List<Map<String, String>> pgbAll = read(o.containsKey("pgbench") ? Path.of(o.get("pgbench")) : null);
            // the baseline is pgbench with as many connections as the server's pool (--pool), when given
            List<Map<String, String>> pgb = o.containsKey("pool") ? pgbAll.stream().filter(r -> o.get("pool").equals(r.get("clients"))).toList() : pgbAll;
            StringBuilder md = new StringBuilder();
            md.append("# Benchmark run ").append(o.getOrDefault("title", "")).append("\n\n");
            for (String part : new String[] {"machine", "config"}) {
                if (o.containsKey(part) && Files.exists(Path.of(o.get(part)))) {
                    md.append("## ").append(part.equals("machine") ? "Machine" : "Configuration").append("\n\n```\n")
                            .append(Files.readString(Path.of(o.get(part))).trim()).append("\n```\n\n");
                }
            }
            // scenarios: group by label + scenario
            Map<String, List<Map<String, String>>> groups = new TreeMap<>();
            for (Map<String, String> r : results) {
                groups.computeIfAbsent(r.get("label") + "\t" + r.get("scenario"), k -> new ArrayList<>()).add(r);
            }
            md.append("## Scenarios (median of the runs)\n\n");
            md.append("| data | scenario | status | runs | throughput /s | p50 ms | p99 ms | server RSS max MB | notes |\n|---|---|---|---|---|---|---|---|---|\n");
            for (Map.Entry<String, List<Map<String, String>>> e : groups.entrySet()) {
                List<Map<String, String>> rows = e.getValue();
                String[] k = e.getKey().split("\t");
                if (k[1].equals("startup")) {
                    continue;
                }
                List<String> statuses = rows.stream().map(r -> r.get("status")).distinct().toList();
                List<Map<String, String>> ok = rows.stream().filter(r -> "ok".equals(r.get("status"))).toList();
                StringBuilder notes = new StringBuilder();
                for (String x : new String[] {"server_cpu_ms_per_req", "db_cpu_ms_per_req", "driver_cpu_ms_per_req", "rows_per_page", "batch_speedup", "singles_total_ms",
                        "batch_ms", "connected", "delivered", "expected", "approve_p50_ms", "errors", "targets_used"}) {
                    double v = med(ok, x);
                    if (!Double.isNaN(v) && !(x.equals("errors") && v == 0)) {
                        notes.append(x.replace('_', ' ')).append(' ')
                                .append(f(v, x.endsWith("_cpu_ms_per_req") ? 2 : x.endsWith("ms") || x.equals("batch_speedup") || x.equals("rows_per_page") ? 1 : 0)).append("; ");
                    }
                }
                rows.stream().map(r -> r.get("error_codes")).filter(x -> x != null).findFirst().ifPresent(x -> notes.append("errors: ").append(x).append("; "));
                rows.stream().map(r -> r.get("reason")).filter(x -> x != null).findFirst()
                        .ifPresent(x -> notes.append(x.replace('_', ' ').replace("\"", "").replace("|", "/")));
                md.append("| ").append(k[0]).append(" | ").append(k[1]).append(" | ").append(String.join("/", statuses)).append(" | ").append(rows.size())
                        .append(" | ").append(f(med(ok, "rps"), 1)).append(" | ").append(f(med(ok, "p50_ms"), 2)).append(" | ").append(f(med(ok, "p99_ms"), 2))
                        .append(" | ").append(f(med(ok, "rss_max_mb"), 0)).append(" | ").append(notes.toString().trim()).append(" |\n");
            }
            // start-up
            List<Map<String, String>> starts = results.stream().filter(r -> "startup".equals(r.get("scenario"))).toList();
            if (!starts.isEmpty()) {
                md.append("\n## Start-up\n\n| data | runs | launch to ready ms (median) | Quarkus \"started in\" s (median) | RSS idle MB (median) |\n|---|---|---|---|---|\n");
                Map<String, List<Map<String, String>>> byLabel = new TreeMap<>();
                starts.forEach(r -> byLabel.computeIfAbsent(r.get("label"), x -> new ArrayList<>()).add(r));
                byLabel.forEach((l, rows) -> md.append("| ").append(l).append(" | ").append(rows.size()).append(" | ").append(f(med(rows, "ready_ms"), 0))
                        .append(" | ").append(f(med(rows, "started_in_s"), 3)).append(" | ").append(f(med(rows, "rss_idle_mb"), 0)).append(" |\n"));
            }
            // pgbench
            Map<String, List<Map<String, String>>> pg = new TreeMap<>();
            pgbAll.forEach(r -> pg.computeIfAbsent(r.get("script") + "\t" + r.get("clients"), x -> new ArrayList<>()).add(r));
            if (!pg.isEmpty()) {
                md.append("\n## pgbench baseline (the transactions' SQL, same database, same number of connections)\n\n")
                        .append("| script | clients | runs | TPS | p50 ms | p99 ms | PostgreSQL CPU ms/txn | pgbench CPU ms/txn |\n|---|---|---|---|---|---|---|---|\n");
                pg.forEach((k, rows) -> {
                    String[] x = k.split("\t");
                    md.append("| ").append(x[0]).append(" | ").append(x[1]).append(" | ").append(rows.size()).append(" | ").append(f(med(rows, "tps"), 1))
                            .append(" | ").append(f(med(rows, "p50_ms"), 2)).append(" | ").append(f(med(rows, "p99_ms"), 2))
                            .append(" | ").append(f(med(rows, "db_cpu_ms_per_txn"), 2)).append(" | ").append(f(med(rows, "client_cpu_ms_per_txn"), 2)).append(" |\n");
                });
            }
            // targets
            String big = o.getOrDefault("big", "1m");
            String small = o.getOrDefault("small", "10k");
            java.util.function.BiFunction<String, String, List<Map<String, String>>> ok = (label, sc) -> results.stream()
                    .filter(r -> label.equals(r.get("label")) && sc.equals(r.get("scenario")) && "ok".equals(r.get("status"))).toList();
            md.append("\n## Targets of issue 9\n\n| target | measured | goal | met |\n|---|---|---|---|\n");
            for (String[] t : new String[][] {{"submit", "SubmitApplication"}, {"approve", "ApproveApplication (final, takes a place)"}}) {
                double rps = med(ok.apply(big, t[0]), "rps");
                double tps = median(pgb.stream().filter(r -> t[0].equals(r.get("script"))).map(r -> num(r, "tps")).toList());
                double ratio = rps / tps;
                md.append("| ").append(t[1]).append(" throughput / pgbench ").append(t[0]).append(".sql | ").append(f(rps, 1)).append(" / ").append(f(tps, 1))
                        .append(" = ").append(f(100 * ratio, 0)).append("% | ").append(t[0].equals("submit") ? "≥ 50%" : "(reported)").append(" | ")
                        .append(Double.isNaN(ratio) ? "–" : t[0].equals("submit") ? (ratio >= 0.5 ? "yes" : "**no**") : "").append(" |\n");
            }
            // ReviewQueue: the target compares equal pages (CITY queues, first 8); the
            // mixed sample of every stage (first 20) is shown beside it, with its rows per page, for information
            String[][] compared = {
                    {"review-queue-full", "review-queue (CITY queues, first 8: equal pages)", "≤ 1.5"},
                    {"review-queue", "review-queue, up to 100 units of every stage, first 20 (informational: compare its rows per page)", "(reported)"},
                    {"my-applications", "my-applications", "≤ 1.5"}};
            for (String[] t : compared) {
                String sc = t[0];
                double a = med(ok.apply(big, sc), "p50_ms");
                double b = med(ok.apply(small, sc), "p50_ms");
                double a99 = med(ok.apply(big, sc), "p99_ms");
                double b99 = med(ok.apply(small, sc), "p99_ms");
                double ra = med(ok.apply(big, sc), "rows_per_page");
                double rb = med(ok.apply(small, sc), "rows_per_page");
                boolean target = !t[2].startsWith("(");
                md.append("| ").append(t[1]).append(" p50 at ").append(big).append(" / at ").append(small).append(" | ").append(f(a, 2)).append(" / ").append(f(b, 2))
                        .append(" = ").append(f(a / b, 2)).append(" (p99 ").append(f(a99 / b99, 2)).append(")");
                if (!Double.isNaN(ra) || !Double.isNaN(rb)) {
                    md.append("; rows per page ").append(f(ra, 1)).append(" at ").append(big).append(", ").append(f(rb, 1)).append(" at ").append(small);
                }
                md.append(" | ").append(t[2]).append(" | ").append(!target || Double.isNaN(a / b) ? "–" : a / b <= 1.5 ? "yes" : "**no**").append(" |\n");
            }
            double speedup = med(ok.apply(big, "sync"), "batch_speedup");
            md.append("| SyncEnrollments: 1,000 single-item calls / one 1,000-item call | ").append(f(speedup, 1)).append("× | ≥ 20× | ")
                    .append(Double.isNaN(speedup) ? "–" : speedup >= 20 ? "yes" : "**no**").append(" |\n");
            // where the cores went: the server, PostgreSQL and the driver share the machine; pgbench needs only
            // PostgreSQL and its own (small) client. When everything is CPU-bound, throughput is at most
            // cores × 1000 / (CPU ms per request), so the ratio of the two is bounded by the ratio of their CPU costs.
            StringBuilder cpu = new StringBuilder();
            for (String[] t : new String[][] {{"submit", "SubmitApplication"}, {"approve", "ApproveApplication"}}) {
                List<Map<String, String>> rows = ok.apply(big, t[0]);
                double srv = med(rows, "server_cpu_ms_per_req");
                double db = med(rows, "db_cpu_ms_per_req");
                double drv = med(rows, "driver_cpu_ms_per_req");
                double rps = med(rows, "rps");
                List<Map<String, String>> base = pgb.stream().filter(r -> t[0].equals(r.get("script"))).toList();
                double pdb = med(base, "db_cpu_ms_per_txn");
                double pcl = med(base, "client_cpu_ms_per_txn");
                double tps = med(base, "tps");
                double total = srv + db + drv;
                double pTotal = pdb + pcl;
                if (Double.isNaN(total)) {
                    continue; // the scenario was not measured (or its CPU not known)
                }
                cpu.append("- **").append(t[1]).append("** (").append(big).append("): server ").append(f(srv, 2)).append(" + PostgreSQL ").append(f(db, 2))
                        .append(" + driver ").append(f(drv, 2)).append(" = ").append(f(total, 2)).append(" ms of CPU per request, ")
                        .append(f(rps * total / 1000, 2)).append(" cores busy at ").append(f(rps, 1)).append(" req/s; pgbench ").append(t[0])
                        .append(".sql: PostgreSQL ").append(f(pdb, 2)).append(" + pgbench ").append(f(pcl, 2)).append(" = ").append(f(pTotal, 2))
                        .append(" ms per transaction, ").append(f(tps * pTotal / 1000, 2)).append(" cores busy at ").append(f(tps, 1))
                        .append(" TPS. CPU-bound on the same cores, the ratio cannot exceed ").append(f(pTotal, 2)).append(" / ").append(f(total, 2))
                        .append(" = ").append(f(100 * pTotal / total, 0)).append("%").append(t[0].equals("submit") ? " (goal ≥ 50%)" : "").append(".\n");
            }
            if (cpu.length() > 0) {
                md.append("\nWhere the cores went (medians; CPU over each measured window divided by its successful requests or transactions):\n\n")
                        .append(cpu);
            }
            Files.writeString(Path.of(req(o, "out")), md.toString());
            System.out.print(md);
        }
    }
}
