package cn.workers.subsidy.quota;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Reads the append-only ledger; rows are written only by {@link QuotaPoolRepository}. */
@ApplicationScoped
public class QuotaLedgerRepository implements PanacheRepository<QuotaLedgerEntity> {

    /** Up to {@code limit} entries of a pool with an id below {@code beforeId}, newest first. */
    public Uni<List<QuotaLedgerEntity>> page(long poolId, long beforeId, int limit) {
        return find("poolId = ?1 and id < ?2", Sort.descending("id"), poolId, beforeId).range(0, limit - 1).list();
    }
}
