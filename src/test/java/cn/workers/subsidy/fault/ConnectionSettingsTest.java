package cn.workers.subsidy.fault;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The bounds and the planning mode PostgreSQL applies are in force on the application's own connections, as configured. */
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
    void cachedStatementsArePlannedWithTheirValues() {
        // prepared statements are cached per connection; a generic plan would ignore the values bound
        assertEquals("force_custom_plan", probe.showOnPool("plan_cache_mode"));
        assertEquals("force_custom_plan", probe.showInSession("plan_cache_mode"), "as a Hibernate Reactive session sees it");
    }
}
