package cn.workers.subsidy.application;

import cn.workers.subsidy.common.db.Reads;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

/** Loads the history of many applications in one query, in a session of its own. */
@ApplicationScoped
public class HistoryLoader {

    private final Reads reads;

    HistoryLoader(Reads reads) {
        this.reads = reads;
    }

    public Uni<List<HistoryEntity>> load(Collection<Long> applicationIds) {
        return reads.read(s -> s.createQuery("from HistoryEntity where applicationId in ?1 order by id", HistoryEntity.class)
                .setParameter(1, applicationIds).getResultList());
    }
}
