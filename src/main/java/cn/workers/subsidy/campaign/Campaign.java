package cn.workers.subsidy.campaign;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A programme year, as the API shows it. */
@Type("Campaign")
public record Campaign(@Id @NonNull String id, @NonNull int year, @NonNull String name, @NonNull CampaignStatus status) {

    public static Campaign of(CampaignEntity e) {
        return new Campaign(e.id.toString(), e.year, e.name, e.status);
    }
}
