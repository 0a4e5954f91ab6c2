package cn.workers.subsidy.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * graphql/schema.graphql must be what the server serves. Refresh it with
 * {@code ./mvnw verify -Dschema.update=true} (or copy target/schema.graphql over it).
 */
@QuarkusTest
class SchemaFileTest {

    static final Path COMMITTED = Path.of("graphql", "schema.graphql");

    @Test
    void committedSchemaMatchesServedSchema() throws IOException {
        String served = RestAssured.get("/graphql/schema.graphql").then().statusCode(200).extract().asString().strip() + "\n";
        Files.writeString(Path.of("target", "schema.graphql"), served);
        if (Boolean.getBoolean("schema.update")) {
            Files.writeString(COMMITTED, served);
        }
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED) : "";
        assertEquals(committed, served, "graphql/schema.graphql differs from the served schema; refresh it with "
                + "'./mvnw verify -Dschema.update=true' or 'cp target/schema.graphql graphql/schema.graphql' and review the diff");
    }
}
