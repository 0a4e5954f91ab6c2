package cn.workers.subsidy.common.error;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Messages read well ("an OPEN campaign") and show one instant one way. */
class WordingTest {

    @Test
    void theArticleFitsTheWord() {
        assertEquals("an OPEN campaign", Wording.a("OPEN") + " campaign");
        assertEquals("an ARCHIVED campaign", Wording.a("ARCHIVED") + " campaign");
        assertEquals("an INDUSTRY_UNION", Wording.a("INDUSTRY_UNION"));
        assertEquals("a DRAFT campaign", Wording.a("DRAFT") + " campaign");
        assertEquals("a CLOSED campaign", Wording.a("CLOSED") + " campaign");
    }

    @Test
    void anInstantReadsTheSameWhateverItsOffsetOrSeconds() {
        OffsetDateTime beijing = OffsetDateTime.of(2026, 11, 15, 10, 0, 0, 0, ZoneOffset.ofHours(8));
        assertEquals("2026-11-15T02:00:00Z", Wording.instant(beijing));
        assertEquals(Wording.instant(beijing), Wording.instant(beijing.withOffsetSameInstant(ZoneOffset.UTC)));
        assertEquals("2026-11-15T02:00:07Z", Wording.instant(beijing.plusSeconds(7).plusNanos(500)));
    }
}
