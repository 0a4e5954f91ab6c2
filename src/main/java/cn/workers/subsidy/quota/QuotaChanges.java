package cn.workers.subsidy.quota;

import cn.workers.subsidy.common.events.ChangeFeed;
import io.smallrye.mutiny.Multi;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** A campaign's pools as their figures change, straight from the committed notifications of every replica. */
@ApplicationScoped
public class QuotaChanges {

    private final ChangeFeed feed;

    QuotaChanges(ChangeFeed feed) {
        this.feed = feed;
    }

    public Multi<QuotaPool> of(long campaignId) {
        return feed.channel(QuotaEvents.QUOTA_CHANGED)
                .filter(change -> change.getLong("campaignId") == campaignId)
                .onOverflow().buffer(1024)
                .map(QuotaEvents::fromPayload);
    }

    /** Listens from startup on, so that the first subscriber misses nothing committed after it subscribed. */
    void listen(@Observes StartupEvent event) {
        feed.listen(QuotaEvents.QUOTA_CHANGED);
    }
}
