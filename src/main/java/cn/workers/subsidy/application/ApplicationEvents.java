package cn.workers.subsidy.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

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

    /** Queues a notification on {@code channel} in the current transaction. */
    public static Uni<Void> notify(String channel, String payload) {
        return Panache.getSession().flatMap(s -> s
                .createNativeQuery("SELECT count(*) FROM (SELECT pg_notify(?1, ?2)) AS sent", Long.class)
                .setParameter(1, channel).setParameter(2, payload).getSingleResult()).replaceWithVoid();
    }
}
