package loaddriver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * quota-fanout: --subscribers (500) QuotaChanged subscriptions over graphql-transport-ws by a province
 * administrator, then --fanout-events (30) final approvals one at a time (the last approve targets, which
 * the approve scenario leaves alone). The latencies are, per approval and subscriber, the time from sending
 * the approval to the first event that subscriber received after it.
 */
final class QuotaFanoutScenario {
    private QuotaFanoutScenario() {
    }

    static Stats run(RunContext c) throws Exception {
        Stats s = new Stats("quota-fanout");
        int subscribers = c.options().integer("subscribers", 500);
        int events = c.options().integer("fanout-events", 30);
        List<String[]> targets = c.input().approveTargets();
        if (targets.size() < events) {
            return Stats.noData("quota-fanout");
        }
        List<String[]> mine = targets.subList(targets.size() - events, targets.size());
        String token = c.tokens().get(Identity.provinceAdmin());
        String subscribe = "{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":" + c.gql().operations().body("QuotaChanged",
                "{\"campaignId\":" + Json.str(c.input().campaignId()) + "}") + "}";
        URI ws = URI.create(c.gql().endpoint().toString().replaceFirst("^http", "ws"));
        List<FanoutSubscriber> subs = new ArrayList<>();
        HttpClient wsClient = HttpClient.newBuilder().executor(DaemonPool.fixed(4, "ws")).connectTimeout(Duration.ofSeconds(10)).build();
        try (RssSampler rss = new RssSampler(c.serverPid())) {
            for (int k = 0; k < subscribers; k++) {
                FanoutSubscriber sub = new FanoutSubscriber(subscribe);
                subs.add(sub);
                // the token rides on the upgrade request
                wsClient.newWebSocketBuilder().subprotocols("graphql-transport-ws")
                        .header("Authorization", "Bearer " + token).connectTimeout(Duration.ofSeconds(20))
                        .buildAsync(ws, sub).whenComplete((w, e) -> {
                            if (e != null) {
                                sub.failure = String.valueOf(e.getCause() == null ? e : e.getCause());
                            }
                        });
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
            String validation = subs.stream().map(x -> x.error).filter(Objects::nonNull).findFirst().orElse(null);
            if (validation != null && validation.contains("Validation error")) {
                s.unsupported(validation);
                return s;
            }
            String failure = subs.stream().map(x -> x.failure != null ? x.failure : x.error).filter(Objects::nonNull).findFirst().orElse(null);
            if (failure != null) {
                s.sampleErrors.add(failure);
            }
            s.extra.put("subscribers", subscribers + "");
            s.extra.put("connected", acked + "");
            if (acked == 0) {
                s.status = "failed";
                s.reason("no subscriber connected: " + failure);
                return s;
            }
            List<Long> delivery = new ArrayList<>();
            long[] approveNs = new long[events];
            long delivered = 0;
            long t0All = System.nanoTime();
            for (int e = 0; e < events; e++) {
                long t0 = System.nanoTime();
                Outcome r = c.gql().call(ApproveScenario.call(c, mine.get(e), "fan-out"));
                approveNs[e] = System.nanoTime() - t0;
                if (r.unsupported()) {
                    s.unsupported("approveApplication: " + r.message());
                    return s;
                }
                if (!r.ok()) {
                    s.count("approve_" + r.code());
                    s.sampleError("approve: " + r.code() + " " + r.message());
                    continue;
                }
                long wait = System.nanoTime() + 5_000_000_000L;
                while (System.nanoTime() < wait && subs.stream().anyMatch(x -> x.acked && x.firstAfter(t0) < 0)) {
                    Thread.sleep(2);
                }
                for (FanoutSubscriber x : subs) {
                    long arrived = x.firstAfter(t0);
                    if (arrived >= 0) {
                        delivery.add(arrived - t0);
                        delivered++;
                    }
                }
                s.count("OK");
            }
            s.seconds = (System.nanoTime() - t0All) / 1e9;
            long[] d = new long[delivery.size() + 1];
            d[0] = delivery.size();
            for (int k = 0; k < delivery.size(); k++) {
                d[k + 1] = delivery.get(k);
            }
            s.latencies.add(d);
            Arrays.sort(approveNs);
            s.extra.put("events", events + "");
            s.extra.put("delivered", delivered + "");
            s.extra.put("expected", (acked * events) + "");
            s.extra.put("approve_p50_ms", Stats.fixed(Stats.pct(approveNs, 0.5), 2));
            rss.into(s);
            s.extra.put("note", "latencies=delivery_after_approve_sent");
        } finally {
            for (FanoutSubscriber x : subs) {
                WebSocket socket = x.socket;
                if (socket != null) {
                    socket.abort();
                }
            }
        }
        return s;
    }
}
