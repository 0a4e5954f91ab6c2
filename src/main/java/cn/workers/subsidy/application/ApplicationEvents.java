package cn.workers.subsidy.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Announces changes through PostgreSQL NOTIFY inside the changing transaction: PostgreSQL delivers
 * a notification only when (and if) that transaction commits, to the listeners of every replica.
 */
@ApplicationScoped
public class ApplicationEvents {

    public static final String APPLICATION_CHANGED = "application_changed";

    public Uni<Void> changed(ApplicationEntity app) {
        JsonObject payload = new JsonObject().put("id", app.id).put("workerId", app.workerId)
                .put("campaignId", app.campaignId).put("version", app.version);
        return notify(APPLICATION_CHANGED, payload.encode());
    }

    /** One notification per application, queued in the current transaction with a single statement. */
    public Uni<Void> changedAll(List<Transitions.Outcome> outcomes) {
        JsonArray payloads = new JsonArray();
        for (Transitions.Outcome o : outcomes) {
            payloads.add(new JsonObject().put("id", o.id()).put("workerId", o.workerId()).put("campaignId", o.campaignId())
                    .put("version", o.version()).encode());
        }
        return Panache.getSession().flatMap(s -> s
                .createNativeQuery("SELECT count(*) FROM (SELECT pg_notify(?1, p)"
                        + " FROM jsonb_array_elements_text(CAST(CAST(?2 AS text) AS jsonb)) AS p) AS sent", Long.class)
                .setParameter(1, APPLICATION_CHANGED).setParameter(2, payloads.encode()).getSingleResult()).replaceWithVoid();
    }

    /** Queues a notification on {@code channel} in the current transaction. */
    public static Uni<Void> notify(String channel, String payload) {
        return Panache.getSession().flatMap(s -> s
                .createNativeQuery("SELECT count(*) FROM (SELECT pg_notify(?1, ?2)) AS sent", Long.class)
                .setParameter(1, channel).setParameter(2, payload).getSingleResult()).replaceWithVoid();
    }
}
