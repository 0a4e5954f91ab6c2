package cn.workers.subsidy.common.graphql;

import cn.workers.subsidy.common.error.ErrorShapingInstrumentation;
import cn.workers.subsidy.common.error.OneRootFieldInstrumentation;
import graphql.GraphQL;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import io.smallrye.graphql.spi.EventingService;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.ArrayList;
import java.util.List;

/**
 * Hooks into SmallRye GraphQL's engine set-up (ServiceLoader): the schema's input scalars become strict
 * ({@link StrictScalars}), and the engine's instrumentation chain is replaced with: the query depth and
 * complexity limits (from {@code quarkus.smallrye-graphql.instrumentation-query-depth} / {@code -complexity};
 * a pure introspection query is left to graphql-java's own guard: {@link IntrospectionAwareLimits}), SmallRye's
 * document cache, {@link OneRootFieldInstrumentation}, {@link PreloadedFieldsInstrumentation} and, last,
 * {@link ErrorShapingInstrumentation}.
 *
 * <p>The document cache is SmallRye's {@code QueryCache}: the engine's preparsed-document provider,
 * which stores a parsed and validated document only when it also sees the validation as an
 * instrumentation. Left out of the chain, every request was parsed twice and validated again. The
 * limits and the one-root-field rule act when an operation executes, so a cached document is checked
 * on every request all the same.
 */
public class GraphQLSetup implements EventingService {

    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        // the builder has no getters: a throwaway build shows the document cache SmallRye configured
        GraphQL configured = builder.build();
        PreparsedDocumentProvider documents = configured.getPreparsedDocumentProvider();
        var config = ConfigProvider.getConfig();
        List<Instrumentation> chain = new ArrayList<>();
        config.getOptionalValue("quarkus.smallrye-graphql.instrumentation-query-depth", Integer.class)
                .ifPresent(depth -> chain.add(new IntrospectionAwareLimits(new MaxQueryDepthInstrumentation(depth))));
        config.getOptionalValue("quarkus.smallrye-graphql.instrumentation-query-complexity", Integer.class)
                .ifPresent(complexity -> chain.add(new IntrospectionAwareLimits(new MaxQueryComplexityInstrumentation(complexity))));
        if (documents instanceof Instrumentation cacheFiller) {
            chain.add(cacheFiller);
        }
        chain.add(new OneRootFieldInstrumentation());
        chain.add(new PreloadedFieldsInstrumentation());
        chain.add(new ErrorShapingInstrumentation());
        return builder.schema(StrictScalars.apply(configured.getGraphQLSchema())).instrumentation(new ChainedInstrumentation(chain));
    }
}
