package cn.workers.subsidy.common.events;

import cn.workers.subsidy.application.ApplicationEvents;
import cn.workers.subsidy.quota.QuotaEvents;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Committed changes, as PostgreSQL delivers them to this replica: one LISTEN connection per
 * replica for the channels on which the database's triggers NOTIFY inside the changing transactions
 * (V5__change_notifications.sql; names in {@code ApplicationEvents} and {@code QuotaEvents}). Reconnects on its own when the connection drops. Subscribers filter
 * the feed to what they may see and load the current figures themselves.
 */
@ApplicationScoped
public class ChangeFeed {

    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);

    private final Channel applications = new Channel();
    private final Channel quotas = new Channel();
    private final Vertx vertx;
    private final String url;
    private final String user;
    private final String password;
    private PgSubscriber subscriber;

    ChangeFeed(Vertx vertx, @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.vertx = vertx;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.startsWith("vertx-reactive:") ? url.substring(15) : url)
                .setUser(user).setPassword(password);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1000L);
        subscriber.channel(ApplicationEvents.APPLICATION_CHANGED).handler(applications::publish);
        subscriber.channel(QuotaEvents.QUOTA_CHANGED).handler(quotas::publish);
        subscriber.connect().subscribe().with(ok -> LOG.info("Listening for committed changes"),
                failure -> LOG.warnf("Change feed not connected yet (%s); retrying", failure.getMessage()));
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }

    /** Applications changed by committed transactions on any replica: {id, workerId, campaignId, version}. */
    public Multi<JsonObject> applications() {
        return applications.changes();
    }

    /** Quota pools changed by committed transactions on any replica: {poolId, campaignId, allocated, approved}. */
    public Multi<JsonObject> quotas() {
        return quotas.changes();
    }

    /** How many subscriptions on this replica follow application changes now. */
    int applicationListeners() {
        return applications.listeners.get();
    }

    /**
     * The changes of one channel. A notification is decoded only while somebody on this replica follows
     * the channel: an academy's batch of 1,000 events brings 1,000 notifications, usually to nobody.
     */
    private static final class Channel {

        private final BroadcastProcessor<JsonObject> processor = BroadcastProcessor.create();
        private final AtomicInteger listeners = new AtomicInteger();

        void publish(String payload) {
            if (listeners.get() == 0) {
                return;
            }
            try {
                processor.onNext(new JsonObject(payload));
            } catch (RuntimeException e) {
                LOG.warnf("Ignoring an unreadable change notification: %s", e.getMessage());
            }
        }

        Multi<JsonObject> changes() {
            return processor.onSubscription().invoke(ignored -> listeners.incrementAndGet())
                    .onTermination().invoke(listeners::decrementAndGet);
        }
    }
}
