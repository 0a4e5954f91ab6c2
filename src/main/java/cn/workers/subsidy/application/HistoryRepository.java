package cn.workers.subsidy.application;

import cn.workers.subsidy.common.db.Sql;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

/**
 * Application history: append-only (database triggers refuse updates and deletes and chain the
 * entries' hashes, V4). Every entry's time is the database's clock ({@code at} has its default);
 * single steps are appended together with the state they record ({@code ApplicationRepository.writeStep}).
 */
@ApplicationScoped
public class HistoryRepository implements PanacheRepository<HistoryEntity> {

    private static final Sql.Update APPEND_ALL = Sql.update("INSERT INTO application_history (application_id, actor_subject, actor_role,"
            + " action, from_status, to_status, comment) SELECT x.application_id, #{actor}, x.actor_role, x.action, x.from_status,"
            + " x.to_status, x.comment FROM jsonb_to_recordset(CAST(CAST(#{rows} AS text) AS jsonb)) AS x(seq int, application_id bigint,"
            + " actor_role text, action text, from_status text, to_status text, comment text) ORDER BY x.seq");

    /** Appends the entries of many transitions by one actor in one statement, in the order given. */
    Uni<Integer> appendAll(List<Lifecycle.Step> steps, String actorSubject) {
        JsonArray rows = new JsonArray();
        for (int i = 0; i < steps.size(); i++) {
            Lifecycle.Step st = steps.get(i);
            rows.add(new JsonObject().put("seq", i).put("application_id", st.applicationId()).put("actor_role", st.action().role())
                    .put("action", st.action().name()).put("from_status", st.from().name()).put("to_status", st.to().name())
                    .put("comment", st.comment()));
        }
        return APPEND_ALL.execute(Sql.params("rows", rows.encode(), "actor", actorSubject));
    }

    /** The history of several applications in one query, oldest first. */
    public Uni<List<HistoryEntity>> forApplications(Collection<Long> applicationIds) {
        return applicationIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("applicationId in ?1 order by id", applicationIds);
    }
}
