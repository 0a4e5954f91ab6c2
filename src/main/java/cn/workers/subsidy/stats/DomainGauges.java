package cn.workers.subsidy.stats;

import cn.workers.subsidy.common.db.Reads;
import cn.workers.subsidy.vocabulary.ApplicationStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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

    private final Reads reads;
    private final StatsRepository stats;
    private final Vertx vertx;
    private final Duration refresh;
    private final Map<ApplicationStatus, AtomicLong> byStatus = new EnumMap<>(ApplicationStatus.class);
    private final MultiGauge remaining;
    private long timer = -1;

    DomainGauges(Reads reads, StatsRepository stats, Vertx vertx, MeterRegistry registry, StatsConfig config) {
        this.reads = reads;
        this.stats = stats;
        this.vertx = vertx;
        this.refresh = config.refresh();
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
        reads.inSession(stats::allByStatus).subscribe().with(rows -> {
            Map<ApplicationStatus, Long> seen = new EnumMap<>(ApplicationStatus.class);
            rows.forEach(r -> seen.put(r.status(), (long) r.count()));
            byStatus.forEach((s, v) -> v.set(seen.getOrDefault(s, 0L)));
        }, failure -> LOG.debugf("application gauges not refreshed: %s", failure.getMessage()));
        reads.inSession(stats::allRemaining).subscribe().with(rows -> {
            List<MultiGauge.Row<?>> out = new ArrayList<>();
            for (StatsRepository.PoolRemaining r : rows) {
                out.add(MultiGauge.Row.of(Tags.of("campaign", String.valueOf(r.campaignId()), "org_unit", r.orgUnitCode(),
                        "track", r.track()), r.remaining()));
            }
            remaining.register(out, true);
        }, failure -> LOG.debugf("quota gauges not refreshed: %s", failure.getMessage()));
    }
}
