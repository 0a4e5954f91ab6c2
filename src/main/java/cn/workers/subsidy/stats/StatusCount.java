package cn.workers.subsidy.stats;

import cn.workers.subsidy.vocabulary.ApplicationStatus;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("StatusCount")
public record StatusCount(@NonNull ApplicationStatus status, @NonNull int count) {
}
