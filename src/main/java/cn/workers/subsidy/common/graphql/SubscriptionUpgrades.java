package cn.workers.subsidy.common.graphql;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.filters.QuarkusRequestWrapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;

/**
 * Lets a graceful stop end as soon as the work in flight is done, whatever WebSocket subscriptions were opened.
 *
 * <p>Quarkus' graceful shutdown waits until every HTTP request it counted has ended, at most
 * {@code quarkus.shutdown.timeout}. A request ends when its response ends or its connection closes; a request
 * upgraded to a WebSocket (a GraphQL subscription) never does, even after the socket is closed. One subscription
 * on a replica was enough for every stop to wait the whole 25 s and then log "Timed out waiting for graceful
 * shutdown" as an ERROR. Here a subscription's upgrade request counts as ended when it arrives: the request part
 * is over at once, and the subscription is a long-lived connection that the stop closes (its client reconnects
 * to another replica). Ordinary requests are counted and drained as before.
 *
 * <p>The count is Quarkus' own ({@code QuarkusRequestWrapper}); marking a request ended has no public API, so
 * it is reached by reflection once at start. Should a later Quarkus move it, start-up logs a warning and stops
 * simply wait as before; {@code GracefulStopIT} fails then.
 */
@ApplicationScoped
public class SubscriptionUpgrades {

    private static final Logger LOG = Logger.getLogger(SubscriptionUpgrades.class);

    private final String path;
    private MethodHandle ended;

    SubscriptionUpgrades(@ConfigProperty(name = "quarkus.smallrye-graphql.root-path") String path) {
        this.path = path;
    }

    void start(@Observes StartupEvent event) {
        try {
            Method done = QuarkusRequestWrapper.class.getDeclaredMethod("done");
            done.setAccessible(true);
            ended = MethodHandles.lookup().unreflect(done);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("WebSocket upgrades stay counted as requests in flight: a graceful stop after a subscription waits"
                    + " the whole shutdown timeout (%s)", e.toString());
        }
    }

    void register(@Observes Router router) {
        router.get(path).order(-1000).handler(this::upgrade);
    }

    private void upgrade(RoutingContext ctx) {
        MethodHandle done = ended;
        if (done != null && "websocket".equalsIgnoreCase(ctx.request().getHeader("Upgrade"))) {
            QuarkusRequestWrapper request = QuarkusRequestWrapper.get(ctx.request());
            if (request != null) {
                try {
                    done.invoke(request);
                } catch (Throwable t) {
                    LOG.debugf("Could not mark the upgrade request ended: %s", t);
                }
            }
        }
        ctx.next();
    }
}
