package cn.workers.subsidy.application;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

import cn.workers.subsidy.vocabulary.ApplicationStatus;
@ApplicationScoped
public class HistoryRepository implements PanacheRepository<HistoryEntity> {

    public Uni<HistoryEntity> append(long applicationId, String actorSubject, String actorRole, Action action,
            ApplicationStatus from, ApplicationStatus to, String comment) {
        HistoryEntity h = new HistoryEntity();
        h.applicationId = applicationId;
        h.at = java.time.OffsetDateTime.now();
        h.actorSubject = actorSubject;
        h.actorRole = actorRole;
        h.action = action.name();
        h.fromStatus = from;
        h.toStatus = to;
        h.comment = comment;
        return persist(h);
    }

    private static final String APPEND_ALL = "INSERT INTO application_history (application_id, actor_subject, actor_role, action,"
            + " from_status, to_status, comment) SELECT x.application_id, ?2, x.actor_role, x.action, x.from_status, x.to_status, x.comment"
            + " FROM jsonb_to_recordset(CAST(CAST(?1 AS text) AS jsonb)) AS x(seq int, application_id bigint, actor_role text, action text,"
            + " from_status text, to_status text, comment text) ORDER BY x.seq";

    /** Appends the entries of many transitions by one actor in one statement, in the order given. */
    public Uni<Integer> appendAll(List<Transitions.Step> steps, String actorSubject) {
        JsonArray rows = new JsonArray();
        for (int i = 0; i < steps.size(); i++) {
            Transitions.Step st = steps.get(i);
            rows.add(new JsonObject().put("seq", i).put("application_id", st.applicationId()).put("actor_role", st.action().role())
                    .put("action", st.action().name()).put("from_status", st.from().name()).put("to_status", st.to().name())
                    .put("comment", st.comment()));
        }
        return getSession().flatMap(s -> s.createNativeQuery(APPEND_ALL).setParameter(1, rows.encode()).setParameter(2, actorSubject)
                .executeUpdate());
    }

    /** The history of several applications in one query, oldest first. */
    public Uni<List<HistoryEntity>> forApplications(Collection<Long> applicationIds) {
        return list("applicationId in ?1 order by id", applicationIds);
    }
}
