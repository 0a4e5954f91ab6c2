package cn.workers.subsidy.application;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("SubmitApplicationInput")
public record SubmitApplicationInput(@Id @NonNull String campaignId, @Id @NonNull String courseId, @NonNull String clientRequestId) {
}
