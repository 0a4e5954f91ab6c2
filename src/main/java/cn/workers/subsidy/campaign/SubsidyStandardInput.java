package cn.workers.subsidy.campaign;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import cn.workers.subsidy.vocabulary.Level;
@Input("SubsidyStandardInput")
public record SubsidyStandardInput(@NonNull Level level, @NonNull int maxSubsidyFen) {
}
