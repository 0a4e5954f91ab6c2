package cn.workers.subsidy.application;

import cn.workers.subsidy.common.error.PlainText;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("SubmitApplicationInput")
public record SubmitApplicationInput(@Id @NonNull String campaignId, @Id @NonNull String courseId, @NonNull @PlainText(max = 100) String clientRequestId) {
}
