package loaddriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contract's GraphQL documents, one file per operation (graphql/operations/NAME.graphql, or --ops),
 * read once each, and the request body that carries one of them.
 */
final class Operations {
    private final Path dir;
    private final Map<String, String> documents = new ConcurrentHashMap<>();

    Operations(Path dir) {
        this.dir = dir;
    }

    String document(String operation) {
        return documents.computeIfAbsent(operation, op -> {
            try {
                return Files.readString(dir.resolve(op + ".graphql"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** {"query":..., "operationName":..., "variables":...}; variablesJson null means {}. */
    String body(String operation, String variablesJson) {
        return "{\"query\":" + Json.str(document(operation)) + ",\"operationName\":" + Json.str(operation) + ",\"variables\":"
                + (variablesJson == null ? "{}" : variablesJson) + "}";
    }
}
