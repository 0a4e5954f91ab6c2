package cn.workers.subsidy.common.events;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.Interceptor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Committed changes, as PostgreSQL delivers them to this replica: one LISTEN connection per replica for
 * the channels on which the database's triggers NOTIFY inside the changing transactions
 * (V5__change_notifications.sql). Features name their channels ({@code ApplicationEvents},
 * {@code QuotaEvents}); the feed listens to every channel asked for and reconnects on its own when the
 * connection drops. Subscribers filter the feed to what they may see and load the current figures themselves.
 */
@ApplicationScoped
public class ChangeFeed {

    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);

    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
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

    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.startsWith("vertx-reactive:") ? url.substring(15) : url)
                .setUser(user).setPassword(password);
        synchronized (this) {
            subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1000L);
            channels.forEach((name, channel) -> subscriber.channel(name).handler(channel::publish));
        }
        subscriber.connect().subscribe().with(ok -> LOG.info("Listening for committed changes"),
                failure -> LOG.warnf("Change feed not connected yet (%s); retrying", failure.getMessage()));
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }

    /**
     * Starts listening on {@code name} now (features call it at startup for the channels they serve), so
     * that a first subscriber does not wait for the LISTEN to be in place: a change committed meanwhile
     * would pass unseen.
     */
    public void listen(String name) {
        channels.computeIfAbsent(name, this::subscribe);
    }

    /** The changes committed on any replica and announced on {@code name}, as JSON objects. */
    public Multi<JsonObject> channel(String name) {
        return channels.computeIfAbsent(name, this::subscribe).changes();
    }

    private synchronized Channel subscribe(String name) {
        Channel channel = new Channel();
        if (subscriber != null) {
            subscriber.channel(name).handler(channel::publish);
        }
        return channel;
    }

    /** How many subscriptions on this replica follow {@code name} now. */
    int listeners(String name) {
        Channel channel = channels.get(name);
        return channel == null ? 0 : channel.listeners.get();
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
