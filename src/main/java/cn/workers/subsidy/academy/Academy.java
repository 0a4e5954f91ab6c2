package cn.workers.subsidy.academy;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import cn.workers.subsidy.vocabulary.AcademyKind;
/** A craftsman academy or partner college, as the API shows it. */
@Type("Academy")
public record Academy(@Id @NonNull String id, @NonNull String code, @NonNull String name, @NonNull AcademyKind kind,
        @Ignore Long parentId, @Ignore Long orgUnitId) {

    public static Academy of(AcademyEntity e) {
        return e == null ? null : new Academy(e.id.toString(), e.code, e.name, e.kind, e.parentId, e.orgUnitId);
    }
}
