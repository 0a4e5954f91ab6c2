package cn.workers.subsidy.api;

import cn.workers.subsidy.support.Tokens;
import graphql.language.NamedNode;
import graphql.language.TypeDefinition;
import graphql.parser.Parser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The introspection query every tool sends (GraphiQL, graphql-codegen, Apollo, Postman) answers the whole
 * schema in dev and test, while the depth, complexity and size limits keep guarding everything else. The two
 * documents under src/test/resources/introspection/ are exactly what graphql-js 16's
 * {@code getIntrospectionQuery()} and {@code getIntrospectionQuery({inputValueDeprecation: true})} produce
 * (GraphiQL sends the second). Prod keeps introspection off by default: GracefulStopIT asks the packaged server.
 */
@QuarkusTest
class IntrospectionTest {

    private static final String TOKEN = Tokens.TEST.worker("introspection-worker");

    static String resource(String name) throws IOException {
        return Files.readString(Path.of("src", "test", "resources", "introspection", name));
    }

    private static JsonPath post(String query, String operationName) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        if (operationName != null) {
            body.put("operationName", operationName);
        }
        return RestAssured.given().contentType(ContentType.JSON).header("Authorization", "Bearer " + TOKEN).body(body)
                .post("/graphql").then().statusCode(200).extract().jsonPath();
    }

    /** Every type, input, enum and scalar that graphql/schema.graphql defines. */
    static Set<String> schemaTypeNames() throws IOException {
        return Parser.parse(Files.readString(Path.of("graphql", "schema.graphql"))).getDefinitionsOfType(TypeDefinition.class)
                .stream().map(NamedNode::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void theStandardIntrospectionQueriesAnswerTheWholeSchema() throws IOException {
        Set<String> expected = schemaTypeNames();
        for (String document : List.of("IntrospectionQuery.graphql", "IntrospectionQueryInputValueDeprecation.graphql")) {
            JsonPath answer = post(resource(document), "IntrospectionQuery");
            assertNull(answer.get("errors"), document + ": " + answer.prettify().substring(0, Math.min(800, answer.prettify().length())));
            assertEquals("Query", answer.getString("data.__schema.queryType.name"), document);
            assertEquals("Mutation", answer.getString("data.__schema.mutationType.name"), document);
            assertEquals("Subscription", answer.getString("data.__schema.subscriptionType.name"), document);
            Set<String> served = new TreeSet<>(answer.getList("data.__schema.types.name", String.class));
            assertTrue(served.containsAll(expected), document + " lacks " + expected.stream().filter(t -> !served.contains(t)).toList());
            // the deepest type reference of the schema ([EnrollmentEventInput!]! and friends) comes back whole
            Map<String, Object> mutation = answer.getMap("data.__schema.types.find { it.name == 'Mutation' }");
            assertTrue(String.valueOf(mutation).contains("syncEnrollments"), document);
            assertTrue(answer.getList("data.__schema.directives.name", String.class).contains("skip"), document);
        }
        JsonPath deprecation = post(resource("IntrospectionQueryInputValueDeprecation.graphql"), "IntrospectionQuery");
        assertTrue(deprecation.getList("data.__schema.types.find { it.name == 'CampaignInput' }.inputFields.isDeprecated")
                .stream().allMatch(Boolean.FALSE::equals), "input values carry isDeprecated");
    }

    @Test
    void theLimitsStillGuardEverythingThatIsNotPureIntrospection() throws IOException {
        // the same introspection with one data field beside it is an ordinary query: depth and complexity apply
        String withData = resource("IntrospectionQuery.graphql").replaceFirst("__schema \\{", "me { subject } __schema {");
        JsonPath mixed = post(withData, "IntrospectionQuery");
        assertEquals("QUERY_TOO_COMPLEX", mixed.getString("errors[0].extensions.code"), mixed.prettify());
        assertNull(mixed.get("data"));
        // introspection asked in bad faith (the schema twice, a __Type cycle) is refused by graphql-java's own guard
        JsonPath twice = post("{ a: __schema { types { name } } b: __schema { types { name } } }", null);
        assertEquals("QUERY_TOO_COMPLEX", twice.getString("errors[0].extensions.code"), twice.prettify());
        JsonPath cycle = post("{ __schema { types { fields { type { fields { type { name } } } } } } }", null);
        assertEquals("QUERY_TOO_COMPLEX", cycle.getString("errors[0].extensions.code"), cycle.prettify());
        // an ordinary query deeper than 8 levels still is too complex
        JsonPath deep = post("{ orgUnits { parent { parent { parent { parent { parent { parent { parent { parent { code } } } } } } } } } }", null);
        assertEquals("QUERY_TOO_COMPLEX", deep.getString("errors[0].extensions.code"), deep.prettify());
    }
}
