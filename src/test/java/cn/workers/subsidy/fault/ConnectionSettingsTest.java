package cn.workers.subsidy.fault;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bounds PostgreSQL enforces are in force on the application's own connections, as configured. */
@QuarkusTest
class ConnectionSettingsTest {

    @Inject
    PoolProbe probe;

    @ConfigProperty(name = "quarkus.datasource.reactive.additional-properties.statement_timeout")
    String statementTimeout;

    @ConfigProperty(name = "quarkus.datasource.reactive.additional-properties.idle_in_transaction_session_timeout")
    String idleInTransaction;

    @Test
    void everyConnectionOfThePoolCarriesTheConfiguredTimeouts() {
        assertEquals("30s", statementTimeout, "the test profile's value (production: 10s)");
        assertEquals(statementTimeout, probe.showOnPool("statement_timeout"));
        assertEquals(statementTimeout, probe.showInSession("statement_timeout"), "as a Hibernate Reactive session sees it");
        assertEquals("30s", idleInTransaction);
        assertEquals(idleInTransaction, probe.showInSession("idle_in_transaction_session_timeout"));
    }

    @Test
    void statementsAreKeptPreparedExceptPrefixMatches() {
        String plain = "SELECT count(*) FROM org_unit WHERE kind = 'CITY'";
        String prefix = "SELECT count(*) FROM org_unit WHERE path LIKE '/1/' || '%'";
        var kept = probe.keptPrepared(plain, prefix);
        assertTrue(kept.contains(plain), "a statement is kept prepared on its connection: " + kept);
        assertFalse(kept.contains(prefix), "a prefix match is planned anew with its values every time: " + kept);
    }
}
