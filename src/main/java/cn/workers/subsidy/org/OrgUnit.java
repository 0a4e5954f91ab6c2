package cn.workers.subsidy.org;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import cn.workers.subsidy.vocabulary.OrgUnitKind;
/** A union in the org tree, as the API shows it. */
@Type("OrgUnit")
public record OrgUnit(@Id @NonNull String id, @NonNull String code, @NonNull String name, @NonNull OrgUnitKind kind,
        @org.eclipse.microprofile.graphql.Ignore Long parentId) {

    public static OrgUnit of(OrgUnitEntity e) {
        return e == null ? null : new OrgUnit(e.id.toString(), e.code, e.name, e.kind, e.parentId);
    }
}
