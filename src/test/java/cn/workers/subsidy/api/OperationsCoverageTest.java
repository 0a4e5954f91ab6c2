package cn.workers.subsidy.api;

import cn.workers.subsidy.support.Gql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation of the client contract must be in graphql/operations/, and each one the server
 * supports must validate against the served schema. The feature tests execute them with real data;
 * this test lists the ones the server does not serve yet, so that the list can only shrink.
 */
@QuarkusTest
class OperationsCoverageTest {

    /** Contract operations not yet served. Remove a name when its feature lands. */
    static final Set<String> NOT_YET_SERVED = Set.of();

    @Test
    void everyContractOperationHasAFile() throws IOException {
        String contract = Files.readString(Path.of("..", "shared", "contract", "operations.graphql"));
        List<String> missing = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^(query|mutation|subscription) (\\w+)").matcher(contract);
        while (m.find()) {
            if (!Files.exists(Gql.OPERATIONS.resolve(m.group(2) + ".graphql"))) {
                missing.add(m.group(2));
            }
        }
        assertEquals(List.of(), missing, "contract operations without a file in graphql/operations/");
    }

    @Test
    void servedOperationsValidateAndPendingOnesAreReported() throws IOException {
        Set<String> notServed = new TreeSet<>();
        try (Stream<Path> files = Files.list(Gql.OPERATIONS)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString().replace(".graphql", "");
                if (!validates(name)) {
                    notServed.add(name);
                }
            }
        }
        System.out.println("Contract operations not served yet (" + notServed.size() + "): " + notServed);
        assertEquals(new TreeSet<>(NOT_YET_SERVED), notServed,
                "the served operations changed: update NOT_YET_SERVED (it may only shrink)");
        assertTrue(notServed.stream().allMatch(NOT_YET_SERVED::contains));
    }

    /** True when the served schema accepts the document (graphql-java's own validation rules). */
    private static boolean validates(String operation) {
        graphql.schema.GraphQLSchema schema = servedSchema();
        graphql.language.Document document = graphql.parser.Parser.parse(Gql.document(operation));
        return new graphql.validation.Validator().validateDocument(schema, document, java.util.Locale.ROOT).isEmpty();
    }

    private static graphql.schema.GraphQLSchema served;

    static synchronized graphql.schema.GraphQLSchema servedSchema() {
        if (served == null) {
            String sdl = RestAssured.get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
            served = graphql.schema.idl.UnExecutableSchemaGenerator.makeUnExecutableSchema(new graphql.schema.idl.SchemaParser().parse(sdl));
        }
        return served;
    }
}
