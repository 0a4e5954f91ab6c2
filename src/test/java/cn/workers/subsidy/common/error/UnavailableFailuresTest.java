package cn.workers.subsidy.common.error;

import graphql.ExceptionWhileDataFetching;
import graphql.GraphQLError;
import graphql.execution.ResultPath;
import graphql.language.SourceLocation;
import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;

import static cn.workers.subsidy.common.error.ErrorCodes.Unavailable.DATABASE_DOWN;
import static cn.workers.subsidy.common.error.ErrorCodes.Unavailable.POOL_EXHAUSTED;
import static cn.workers.subsidy.common.error.ErrorCodes.Unavailable.STATEMENT_TIMEOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which failures mean "the database cannot serve this right now", as the driver, the pool and Hibernate Reactive raise them. */
class UnavailableFailuresTest {

    private static PgException pg(String state) {
        return new PgException("message", "ERROR", state, null);
    }

    /** What Hibernate Reactive makes of a driver error: a JDBCException over a SQLException with the SQLSTATE. */
    private static GenericJDBCException converted(String state) {
        return new GenericJDBCException("error executing SQL statement", new SQLException("message", state, 0));
    }

    @Test
    void statementLockAndIdleTransactionTimeouts() {
        assertEquals(STATEMENT_TIMEOUT, ErrorCodes.unavailable(pg("57014")));
        assertEquals(STATEMENT_TIMEOUT, ErrorCodes.unavailable(new CompletionException(converted("57014"))));
        assertEquals(STATEMENT_TIMEOUT, ErrorCodes.unavailable(converted("55P03")));
        assertEquals(STATEMENT_TIMEOUT, ErrorCodes.unavailable(pg("25P03")));
    }

    @Test
    void aDatabaseThatIsDownRestartingOrUnreachable() {
        assertEquals(DATABASE_DOWN, ErrorCodes.unavailable(new CompletionException(new ConnectException("Connection refused"))));
        assertEquals(DATABASE_DOWN, ErrorCodes.unavailable(ClosedConnectionException.INSTANCE));
        assertEquals(DATABASE_DOWN, ErrorCodes.unavailable(new java.nio.channels.ClosedChannelException()));
        assertEquals(DATABASE_DOWN, ErrorCodes.unavailable(pg("57P01")), "terminating connection due to administrator command");
        assertEquals(DATABASE_DOWN, ErrorCodes.unavailable(converted("57P03")), "the database system is starting up");
        assertEquals(DATABASE_DOWN, ErrorCodes.unavailable(pg("08006")));
        assertEquals(DATABASE_DOWN, ErrorCodes.unavailable(new io.vertx.core.impl.NoStackTraceThrowable(
                "Pending requests failed to be sent due to connection has been closed.")));
    }

    @Test
    void anExhaustedPool() {
        assertEquals(POOL_EXHAUSTED, ErrorCodes.unavailable(new ConnectionPoolTooBusyException("Connection pool reached max wait queue size of 2")));
        assertEquals(POOL_EXHAUSTED, ErrorCodes.unavailable(new CompletionException(new VertxException("Timeout waiting for connection", true))));
        assertEquals(POOL_EXHAUSTED, ErrorCodes.unavailable(new IllegalStateException("wrapped", new io.vertx.core.impl.NoStackTraceThrowable("Timeout"))),
                "the pool's acquisition timeout in Vert.x 4.5: a bare Throwable, made an exception by the pool's wrapper");
        assertEquals(POOL_EXHAUSTED, ErrorCodes.unavailable(pg("53300")), "too many connections");
    }

    @Test
    void otherFailuresAreNotUnavailability() {
        assertNull(ErrorCodes.unavailable(pg("23505")));
        assertNull(ErrorCodes.unavailable(converted("40001")));
        assertNull(ErrorCodes.unavailable(new IllegalStateException("bug")));
        assertNull(ErrorCodes.unavailable(new DomainException(ErrorCode.NOT_FOUND, "application 1 not found")));
        assertNull(ErrorCodes.unavailable(new VertxException("something else")));
    }

    @Test
    void theClientSeesInternalWithAMessageThatSaysRetryLater() {
        GraphQLError down = ErrorShapingInstrumentation.shape(new ExceptionWhileDataFetching(ResultPath.rootPath(),
                new CompletionException(new ConnectException("Connection refused")), new SourceLocation(1, 1)));
        assertEquals("INTERNAL", down.getExtensions().get("code"));
        assertEquals("The service is temporarily unavailable; retry later", down.getMessage());

        GraphQLError slow = ErrorShapingInstrumentation.shape(new ExceptionWhileDataFetching(ResultPath.rootPath(),
                converted("57014"), new SourceLocation(1, 1)));
        assertEquals("INTERNAL", slow.getExtensions().get("code"));
        assertEquals("The request took too long and was cancelled; retry later", slow.getMessage());

        GraphQLError bug = ErrorShapingInstrumentation.shape(new ExceptionWhileDataFetching(ResultPath.rootPath(),
                new IllegalStateException("SELECT secret FROM x"), new SourceLocation(1, 1)));
        assertEquals("Internal error", bug.getMessage());
    }
}
