package cn.workers.subsidy.campaign;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

import cn.workers.subsidy.vocabulary.CampaignStatus;
@ApplicationScoped
public class CampaignRepository implements PanacheRepository<CampaignEntity> {

    private static final Sort NEWEST_FIRST = Sort.descending("opensAt").and("id", Sort.Direction.Descending);

    /** Every campaign, or those in {@code status}, the newest window first. */
    public Uni<List<CampaignEntity>> listByStatus(CampaignStatus status) {
        return status == null ? listAll(NEWEST_FIRST) : list("status", NEWEST_FIRST, status);
    }

    /** Moves the campaign from {@code from} to {@code to}; 0 when it was no longer in {@code from}. */
    public Uni<Integer> moveStatus(long id, CampaignStatus from, CampaignStatus to) {
        return update("status = ?1 where id = ?2 and status = ?3", to, id, from);
    }
}
