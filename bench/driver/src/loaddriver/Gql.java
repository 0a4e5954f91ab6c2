package loaddriver;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * GraphQL over HTTP/1.1 with one keep-alive {@link Http} connection per calling thread. The driver shares
 * the cores with the server and PostgreSQL, so it must cost as little CPU per request as it can (the JDK's
 * HttpClient cost about 1 ms per request here, pgbench's client 0.2 ms per transaction).
 */
final class Gql {
    private final URI endpoint;
    private final Operations operations;
    private final String hostHeader;
    private final ThreadLocal<Http> connections = new ThreadLocal<>();

    Gql(String baseUrl, Operations operations) {
        this.endpoint = URI.create(baseUrl + "/graphql");
        this.operations = operations;
        this.hostHeader = endpoint.getHost() + ":" + port();
    }

    /** http://HOST:PORT/graphql */
    URI endpoint() {
        return endpoint;
    }

    Operations operations() {
        return operations;
    }

    private int port() {
        return endpoint.getPort() > 0 ? endpoint.getPort() : 80;
    }

    Outcome call(Call c) {
        return call(c.token(), c.operation(), c.variables());
    }

    Outcome call(String token, String operation, String variablesJson) {
        byte[] payload = operations.body(operation, variablesJson).getBytes(StandardCharsets.UTF_8);
        String head = "POST " + endpoint.getRawPath() + " HTTP/1.1\r\nHost: " + hostHeader
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nAuthorization: Bearer " + token
                + "\r\nContent-Length: " + payload.length + "\r\n\r\n";
        for (int attempt = 0; ; attempt++) {
            Http c = connections.get();
            boolean fresh = c == null;
            try {
                if (fresh) {
                    c = new Http(endpoint.getHost(), port());
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

    private static String truncate(String s) {
        return s == null ? null : s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
