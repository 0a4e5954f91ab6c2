package cn.workers.subsidy.support;

import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A GraphQL subscription client speaking graphql-transport-ws, as the web front end and the
 * reviewers' console do: the bearer token on the upgrade request (or in connection_init).
 */
public final class GqlSocket implements AutoCloseable {

    private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    private GqlSocket(WebSocket socket) {
        this.socket = socket;
    }

    /** Connects to the server under test and completes the connection_init handshake; the token may be null. */
    public static GqlSocket connect(String token, boolean tokenInInitPayload) throws Exception {
        return connect(Gql.testServer(), token, tokenInInitPayload);
    }

    /** Connects to the server at {@code server} (its http base URL) and completes the connection_init handshake. */
    public static GqlSocket connect(URI server, String token, boolean tokenInInitPayload) throws Exception {
        GqlSocketListener listener = new GqlSocketListener();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
                .connectTimeout(Duration.ofSeconds(10));
        if (token != null && !tokenInInitPayload) {
            builder.header("Authorization", "Bearer " + token);
        }
        URI uri = URI.create(server.toString().replaceFirst("^http", "ws")).resolve("/graphql");
        WebSocket ws = builder.buildAsync(uri, listener).get(10, TimeUnit.SECONDS);
        GqlSocket client = new GqlSocket(ws);
        listener.client = client;
        JsonObject init = new JsonObject().put("type", "connection_init");
        if (token != null && tokenInInitPayload) {
            init.put("payload", new JsonObject().put("Authorization", "Bearer " + token));
        }
        ws.sendText(init.encode(), true).get(5, TimeUnit.SECONDS);
        JsonObject ack = client.next(10);
        if (ack == null || !"connection_ack".equals(ack.getString("type"))) {
            throw new AssertionError("no connection_ack: " + ack);
        }
        return client;
    }

    /** Starts the subscription kept in graphql/operations/{operation}.graphql. */
    public GqlSocket subscribe(String id, String operation, Map<String, Object> variables) throws Exception {
        JsonObject payload = new JsonObject().put("query", Gql.document(operation)).put("operationName", operation)
                .put("variables", new JsonObject(variables));
        socket.sendText(new JsonObject().put("id", id).put("type", "subscribe").put("payload", payload).encode(), true)
                .get(5, TimeUnit.SECONDS);
        return this;
    }

    /** The next message, waiting at most {@code seconds}; null when none came. */
    public JsonObject next(int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            JsonObject m = messages.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (m == null || !"ping".equals(m.getString("type")) && !"pong".equals(m.getString("type"))) {
                return m;
            }
        }
    }

    /** Waits for the next "next" message and returns its payload.data; fails on error or timeout. */
    public JsonObject nextData(int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            JsonObject m = messages.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (m == null) {
                break;
            }
            if ("next".equals(m.getString("type"))) {
                JsonObject payload = m.getJsonObject("payload");
                if (payload.getJsonArray("errors") != null) {
                    throw new AssertionError("subscription error: " + payload.encode());
                }
                return payload.getJsonObject("data");
            }
            if ("error".equals(m.getString("type"))) {
                throw new AssertionError("subscription error: " + m.encode());
            }
        }
        throw new AssertionError("no subscription event within " + seconds + " s");
    }

    /** Messages received and not read yet. */
    public int pending() {
        return messages.size();
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    private static final class GqlSocketListener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private volatile GqlSocket client;
        private final java.util.List<JsonObject> early = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonObject message = new JsonObject(partial.toString());
                partial.setLength(0);
                if (client == null) {
                    early.add(message);
                } else {
                    early.forEach(client.messages::add);
                    early.clear();
                    client.messages.add(message);
                }
            }
            webSocket.request(1);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (client != null) {
                client.messages.add(new JsonObject().put("type", "closed").put("code", statusCode).put("reason", reason));
            }
            return CompletableFuture.completedFuture(null);
        }
    }
}
