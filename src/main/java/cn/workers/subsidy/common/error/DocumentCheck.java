package cn.workers.subsidy.common.error;

import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;
import graphql.parser.exceptions.ParseCancelledTooManyCharsException;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Does a query parse as GraphQL, within the size limits? SmallRye parses a document before graphql-java runs
 * and answers one that does not with a bare "Unparseable input document": no code, past the error shaping.
 * The request guard asks here first. A syntax error is VALIDATION (with where it is); a document over the
 * token limits ({@code quarkus.smallrye-graphql.parser-max-tokens}, {@code -whitespace-tokens}) is
 * QUERY_TOO_COMPLEX. SmallRye applies those limits only to schema parsing, so they act here.
 *
 * <p>Clients send the same few documents again and again: a document that parsed is remembered (up to 2,048
 * of them, each up to 16 KiB) and not parsed again here; the engine keeps its own cache of parsed documents.
 */
final class DocumentCheck {

    record Refusal(ErrorCode code, String message) {
    }

    private static final int REMEMBERED = 2048;
    private static final int REMEMBERED_LENGTH = 16 * 1024;

    private final ParserOptions options;
    private final Set<String> parsed = ConcurrentHashMap.newKeySet();

    DocumentCheck(int maxTokens, int maxWhitespaceTokens) {
        this.options = ParserOptions.getDefaultOperationParserOptions()
                .transform(b -> b.maxTokens(maxTokens).maxWhitespaceTokens(maxWhitespaceTokens));
    }

    /** Null when the document parses; otherwise why not. */
    Refusal check(String query) {
        if (parsed.contains(query)) {
            return null;
        }
        try {
            Parser.parse(ParserEnvironment.newParserEnvironment().document(query).parserOptions(options).build());
        } catch (ParseCancelledException | ParseCancelledTooDeepException | ParseCancelledTooManyCharsException e) {
            return new Refusal(ErrorCode.QUERY_TOO_COMPLEX, "The query exceeds the allowed depth, complexity or size");
        } catch (InvalidSyntaxException e) {
            return new Refusal(ErrorCode.VALIDATION, "The query is not valid GraphQL" + where(e));
        } catch (RuntimeException e) {
            return new Refusal(ErrorCode.VALIDATION, "The query is not valid GraphQL");
        }
        if (query.length() <= REMEMBERED_LENGTH) {
            if (parsed.size() >= REMEMBERED) {
                parsed.clear();
            }
            parsed.add(query);
        }
        return null;
    }

    private static String where(InvalidSyntaxException e) {
        if (e.getLocation() == null) {
            return "";
        }
        return " (syntax error at line " + e.getLocation().getLine() + ", column " + e.getLocation().getColumn() + ")";
    }
}
