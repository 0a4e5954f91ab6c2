package cn.workers.subsidy.stats;

import cn.workers.subsidy.vocabulary.ApplicationStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Business gauges on /q/metrics, refreshed from the database every {@code subsidy.metrics.refresh}
 * (one aggregate query each, off the request path): {@code subsidy_applications{status}} and
 * {@code subsidy_quota_remaining{campaign,org_unit,track}}. Every replica reports the same figures.
 */
@ApplicationScoped
public class DomainGauges {

    private static final Logger LOG = Logger.getLogger(DomainGauges.class);

    private final Pool pool;
    private final Vertx vertx;
    private final Duration refresh;
    private final Map<ApplicationStatus, AtomicLong> byStatus = new EnumMap<>(ApplicationStatus.class);
    private final MultiGauge remaining;
    private long timer = -1;

    DomainGauges(Pool pool, Vertx vertx, MeterRegistry registry,
            @ConfigProperty(name = "subsidy.metrics.refresh", defaultValue = "30s") Duration refresh) {
        this.pool = pool;
        this.vertx = vertx;
        this.refresh = refresh;
        for (ApplicationStatus s : ApplicationStatus.values()) {
            AtomicLong value = new AtomicLong();
            byStatus.put(s, value);
            Gauge.builder("subsidy.applications", value, AtomicLong::get).description("Applications by status")
                    .tag("status", s.name()).register(registry);
        }
        remaining = MultiGauge.builder("subsidy.quota.remaining").description("Remaining places per quota pool").register(registry);
    }

    void start(@Observes StartupEvent event) {
        refreshNow();
        timer = vertx.setPeriodic(refresh.toMillis(), id -> refreshNow());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Reads both aggregates; a failure (database down) keeps the last figures and is retried next period. */
    public void refreshNow() {
        pool.query("SELECT status, count(*) FROM application GROUP BY status").execute()
                .subscribe().with(rows -> {
                    Map<ApplicationStatus, Long> seen = new EnumMap<>(ApplicationStatus.class);
                    for (Row r : rows) {
                        seen.put(ApplicationStatus.valueOf(r.getString(0)), r.getLong(1));
                    }
                    byStatus.forEach((s, v) -> v.set(seen.getOrDefault(s, 0L)));
                }, failure -> LOG.debugf("application gauges not refreshed: %s", failure.getMessage()));
        pool.query("SELECT p.campaign_id, u.code, p.track, p.allocated - p.approved FROM quota_pool p"
                + " JOIN org_unit u ON u.id = p.org_unit_id").execute()
                .subscribe().with(rows -> {
                    List<MultiGauge.Row<?>> out = new ArrayList<>();
                    for (Row r : rows) {
                        long value = r.getLong(3);
                        out.add(MultiGauge.Row.of(Tags.of("campaign", String.valueOf(r.getLong(0)), "org_unit", r.getString(1),
                                "track", r.getString(2)), value));
                    }
                    remaining.register(out, true);
                }, failure -> LOG.debugf("quota gauges not refreshed: %s", failure.getMessage()));
    }
}
