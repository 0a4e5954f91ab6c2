package cn.workers.subsidy.disbursement;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

/**
 * Instalments, created by the academy sync.
 */
@ApplicationScoped
public class DisbursementRepository implements PanacheRepository<DisbursementEntity> {

    public Uni<List<DisbursementEntity>> forApplications(Collection<Long> applicationIds) {
        return applicationIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("applicationId in ?1", applicationIds);
    }

    private static final String CREATE_ALL = "INSERT INTO disbursement (application_id, stage, amount_fen)"
            + " SELECT x.application_id, x.stage, x.amount_fen FROM jsonb_to_recordset(CAST(CAST(?1 AS text) AS jsonb))"
            + " AS x(application_id bigint, stage text, amount_fen int)";

    /** Creates PENDING instalments in one statement. */
    public Uni<Integer> createAll(List<Instalments.Due> instalments) {
        if (instalments.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        JsonArray rows = new JsonArray();
        for (Instalments.Due i : instalments) {
            rows.add(new JsonObject().put("application_id", i.applicationId()).put("stage", i.stage().name()).put("amount_fen", i.amountFen()));
        }
        return getSession().flatMap(s -> s.createNativeQuery(CREATE_ALL).setParameter(1, rows.encode()).executeUpdate());
    }
}
