package cn.workers.subsidy.fault;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The bounds PostgreSQL enforces are in force on the application's own connections, as configured. */
@QuarkusTest
class ConnectionSettingsTest {

    @Inject
    PoolProbe probe;

    @Test
    void everyConnectionOfThePoolCarriesTheStatementTimeout() {
        assertEquals("5s", probe.showOnPool("statement_timeout"));
        assertEquals("5s", probe.showInSession("statement_timeout"), "as a Hibernate Reactive session sees it");
        assertEquals("10s", probe.showInSession("idle_in_transaction_session_timeout"));
    }
}
