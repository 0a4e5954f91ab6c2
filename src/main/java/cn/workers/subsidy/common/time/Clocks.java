package cn.workers.subsidy.common.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/**
 * The one clock of the application: the system clock in the province's time zone. Rules that depend on
 * "now" or "today" take it injected, so that tests can judge them at any moment without waiting.
 */
@ApplicationScoped
public class Clocks {

    @Produces
    @ApplicationScoped
    Clock provinceClock(TimeConfig config) {
        return Clock.system(config.zone());
    }
}
