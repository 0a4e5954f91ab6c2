package loaddriver;

import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One graphql-transport-ws connection of quota-fanout: connection_init, connection_ack, subscribe; records
 * the arrival time (System.nanoTime) of every "next" message and answers pings.
 */
final class FanoutSubscriber implements WebSocket.Listener {
    private final String subscribe;
    private final StringBuilder partial = new StringBuilder();
    private final List<Long> arrivals = new CopyOnWriteArrayList<>();
    volatile WebSocket socket;
    volatile boolean acked;
    /** The first GraphQL error the server sent on this subscription. */
    volatile String error;
    /** Why the connection failed or closed. */
    volatile String failure;

    /** subscribe: the whole "subscribe" message to send once acknowledged. */
    FanoutSubscriber(String subscribe) {
        this.subscribe = subscribe;
    }

    /** The first arrival at or after t0 (System.nanoTime), -1 when none. */
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
