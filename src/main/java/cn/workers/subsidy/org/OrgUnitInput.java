package cn.workers.subsidy.org;

import cn.workers.subsidy.common.error.PlainText;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import cn.workers.subsidy.vocabulary.OrgUnitKind;
/** One unit of a bulk import, upserted by code; {@code parentCode} is null only for the PROVINCE unit. */
@Input("OrgUnitInput")
public record OrgUnitInput(@NonNull String code, @NonNull @PlainText(max = 200) String name, @NonNull OrgUnitKind kind, String parentCode) {
}
