package cn.workers.subsidy.application.api;

import cn.workers.subsidy.access.Viewers;
import cn.workers.subsidy.application.Application;
import cn.workers.subsidy.application.ApplicationEntity;
import cn.workers.subsidy.application.ApplicationQueries;
import cn.workers.subsidy.common.db.Reads;
import cn.workers.subsidy.disbursement.Disbursement;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Disbursement.application: the application of many instalments in one query, null where the viewer may not see it. */
@GraphQLApi
public class DisbursementFieldsApi {

    private final Viewers viewers;
    private final Reads reads;
    private final ApplicationQueries queries;

    DisbursementFieldsApi(Viewers viewers, Reads reads, ApplicationQueries queries) {
        this.viewers = viewers;
        this.reads = reads;
        this.queries = queries;
    }

    public Uni<List<Application>> application(@Source List<Disbursement> disbursements) {
        Set<Long> ids = disbursements.stream().map(Disbursement::applicationId).collect(Collectors.toSet());
        return viewers.current().flatMap(viewer -> reads.inSession(() -> queries.byIds(ids)).map(rows -> {
            Map<Long, ApplicationEntity> byId = rows.stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
            return disbursements.stream().map(d -> byId.get(d.applicationId())).map(a -> a != null
                    && viewer.canSee(a.workerId, a.orgPath, a.academyId, a.approvedAt != null) ? Application.of(a) : null).toList();
        }));
    }
}
