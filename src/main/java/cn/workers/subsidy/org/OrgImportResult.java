package cn.workers.subsidy.org;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** What an import did: units created, and existing units whose name, kind or parent changed. */
@Type("OrgImportResult")
public record OrgImportResult(@NonNull int created, @NonNull int updated) {
}
