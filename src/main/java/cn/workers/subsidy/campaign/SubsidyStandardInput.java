package cn.workers.subsidy.campaign;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("SubsidyStandardInput")
public record SubsidyStandardInput(@NonNull Level level, @NonNull int maxSubsidyFen) {
}
