package cn.workers.subsidy.stats;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("CampaignStats")
public record CampaignStats(@NonNull List<@NonNull StatusCount> byStatus, @NonNull List<@NonNull PoolStats> byPool) {
}
