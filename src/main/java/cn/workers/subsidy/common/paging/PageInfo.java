package cn.workers.subsidy.common.paging;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("PageInfo")
public record PageInfo(@NonNull boolean hasNextPage, String endCursor) {
}
