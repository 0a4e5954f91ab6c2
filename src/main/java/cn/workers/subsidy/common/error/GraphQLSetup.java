package cn.workers.subsidy.common.error;

import graphql.GraphQL;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import io.smallrye.graphql.spi.EventingService;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.ArrayList;
import java.util.List;

/**
 * Hooks into SmallRye GraphQL's engine set-up (ServiceLoader): installs the query depth and
 * complexity limits (from {@code quarkus.smallrye-graphql.instrumentation-query-depth} /
 * {@code -complexity}) and, last, the {@link ErrorShapingInstrumentation}. It replaces the
 * engine's instrumentation, which held just those two limits.
 */
public class GraphQLSetup implements EventingService {

    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        var config = ConfigProvider.getConfig();
        List<Instrumentation> chain = new ArrayList<>();
        config.getOptionalValue("quarkus.smallrye-graphql.instrumentation-query-depth", Integer.class)
                .ifPresent(depth -> chain.add(new MaxQueryDepthInstrumentation(depth)));
        config.getOptionalValue("quarkus.smallrye-graphql.instrumentation-query-complexity", Integer.class)
                .ifPresent(complexity -> chain.add(new MaxQueryComplexityInstrumentation(complexity)));
        chain.add(new OneRootFieldInstrumentation());
        chain.add(new ErrorShapingInstrumentation());
        return builder.instrumentation(new ChainedInstrumentation(chain));
    }
}
