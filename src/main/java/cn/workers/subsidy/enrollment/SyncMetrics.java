package cn.workers.subsidy.enrollment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.Map;

import cn.workers.subsidy.vocabulary.SyncOutcome;
/** Counts judged sync items by outcome: {@code subsidy_sync_items_total{outcome}} on /q/metrics. */
@ApplicationScoped
public class SyncMetrics {

    private final Map<SyncOutcome, Counter> counters = new EnumMap<>(SyncOutcome.class);

    SyncMetrics(MeterRegistry registry) {
        for (SyncOutcome o : SyncOutcome.values()) {
            counters.put(o, Counter.builder("subsidy.sync.items").description("Enrollment events judged, by outcome")
                    .tag("outcome", o.name()).register(registry));
        }
    }

    public void record(SyncResult result) {
        for (SyncOutcome o : SyncOutcome.values()) {
            int n = result.count(o);
            if (n > 0) {
                counters.get(o).increment(n);
            }
        }
    }
}
