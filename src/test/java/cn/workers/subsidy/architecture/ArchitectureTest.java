package cn.workers.subsidy.architecture;

import cn.workers.subsidy.common.db.Sql;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture of docs/ARCHITECTURE.md, as rules the build enforces. Read it top to bottom: the
 * layers and the order of the features, then what each kind of class may do.
 */
@AnalyzeClasses(packages = "cn.workers.subsidy", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "cn.workers.subsidy.";

    /**
     * Bottom to top. A package may use only those listed before it (and itself): the shared words, the
     * platform, then the features in the order in which they build on each other. dev (embedded database,
     * demo data and tokens, dev profile only) sits on top of everything.
     */
    static final List<String> LAYERS = List.of(
            "vocabulary",
            "common",
            "org", "worker", "academy", "campaign", "course", "calendar", "quota", "notification", "document", "disbursement",
            "audit", "access", "application", "review", "enrollment", "claim", "notice", "payment", "stats", "me",
            "dev");

    /** The life cycle's writes: only the life-cycle owner calls them. */
    static final Map<String, Set<String>> LIFECYCLE_WRITES = Map.of(
            "cn.workers.subsidy.application.ApplicationRepository", Set.of("insert", "writeStep", "writeOutcomes", "lock", "lockAll"),
            "cn.workers.subsidy.application.HistoryRepository", Set.of("appendAll"),
            "cn.workers.subsidy.quota.QuotaService", Set.of("takePlace", "givePlaceBack", "poolFor"),
            "cn.workers.subsidy.disbursement.DisbursementService", Set.of("createAll"));

    @ArchTest
    static final ArchRule noCycles = slices().matching("cn.workers.subsidy.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule layersPointDown = classes().should(dependOnlyOnLowerLayers());

    @ArchTest
    static final ArchRule repositoriesStayInTheirFeature = noClasses().should(useAnotherFeaturesRepository());

    @ArchTest
    static final ArchRule nothingDependsOnTheEdge = noClasses().that().resideOutsideOfPackage("..api..")
            .should().dependOnClassesThat().resideInAPackage("..api..")
            .because("the GraphQL and HTTP edge maps and delegates; nothing below it knows it");

    @ArchTest
    static final ArchRule graphQlClassesAreTheEdge = classes().that().areAnnotatedWith(GraphQLApi.class)
            .should().resideInAPackage("..api..");

    @ArchTest
    static final ArchRule sqlOnlyInRepositories = noClasses().that().haveSimpleNameNotEndingWith("Repository")
            .and().resideOutsideOfPackage("cn.workers.subsidy.common.db..")
            .should().callMethodWhere(DescribedPredicate.describe("a query is built",
                    (JavaMethodCall call) -> call.getTargetOwner().isEquivalentTo(Sql.class) && call.getName().matches("query|update")
                            || call.getTargetOwner().isAssignableTo(Mutiny.Session.class)
                            && call.getName().matches("create(Native|Selection|Mutation)?Query")))
            .because("queries live in repositories");

    @ArchTest
    static final ArchRule onlyTheLifeCycleWritesCases = noClasses().that().doNotHaveFullyQualifiedName("cn.workers.subsidy.application.Lifecycle")
            .and().doNotHaveFullyQualifiedName("cn.workers.subsidy.quota.QuotaService")
            .should().callMethodWhere(DescribedPredicate.describe("a life-cycle write",
                    (JavaMethodCall call) -> LIFECYCLE_WRITES.getOrDefault(call.getTargetOwner().getFullName(), Set.of())
                            .contains(call.getName())))
            .because("every transition with its side effects has one owner: application.Lifecycle");

    @ArchTest
    static final ArchRule vocabularyIsPlain = classes().that().resideInAPackage("cn.workers.subsidy.vocabulary..")
            .should().onlyDependOnClassesThat().resideOutsideOfPackages("cn.workers.subsidy.common..", "io.quarkus..", "jakarta.persistence..")
            .because("the shared words depend on nothing of ours and on no framework");

    static int layer(JavaClass c) {
        String name = c.getPackageName();
        if (!name.startsWith(ROOT)) {
            return -1;
        }
        String top = name.substring(ROOT.length()).split("\\.")[0];
        int i = LAYERS.indexOf(top);
        if (i < 0) {
            throw new IllegalStateException("package " + top + " is in no layer: add it to ArchitectureTest.LAYERS and docs/ARCHITECTURE.md");
        }
        return i;
    }

    private static ArchCondition<JavaClass> dependOnlyOnLowerLayers() {
        return new ArchCondition<>("depend only on its own layer and the layers below it") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                int own = layer(origin);
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    int target = layer(d.getTargetClass());
                    if (target > own) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription() + " reaches up from " + LAYERS.get(own)
                                + " to " + LAYERS.get(target)));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> useAnotherFeaturesRepository() {
        return new ArchCondition<>("use another feature's repository") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass();
                    if (target.getSimpleName().endsWith("Repository") && layer(target) >= 0 && layer(target) != layer(origin)) {
                        events.add(SimpleConditionEvent.satisfied(d, d.getDescription() + ": ask that feature's service instead"));
                    }
                }
            }
        };
    }
}
