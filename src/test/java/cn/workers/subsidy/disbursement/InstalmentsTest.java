package cn.workers.subsidy.disbursement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InstalmentsTest {

    @ParameterizedTest
    @CsvSource({"90000, 50, 45000, 45000", "100001, 50, 50000, 50001", "100000, 0, 0, 100000", "100000, 100, 100000, 0",
            "99999, 33, 32999, 67000", "2147483647, 99, 2126008810, 21474837"})
    void theTwoInstalmentsAlwaysAddUpToTheSubsidy(int subsidy, int percent, int enrollment, int completion) {
        assertEquals(enrollment, Instalments.enrollmentShare(subsidy, percent));
        assertEquals(completion, Instalments.completionShare(subsidy, enrollment));
        assertEquals(subsidy, Instalments.enrollmentShare(subsidy, percent) + Instalments.completionShare(subsidy, enrollment));
    }

    @Test
    void theTuitionPaidLowersTheSubsidyButNeverBelowWhatWasGranted() {
        assertEquals(200_000, Instalments.subsidyAfterTuition(200_000, null, 0));
        assertEquals(200_000, Instalments.subsidyAfterTuition(200_000, 250_000, 0));
        assertEquals(150_000, Instalments.subsidyAfterTuition(200_000, 150_000, 0));
        assertEquals(100_000, Instalments.subsidyAfterTuition(200_000, 50_000, 100_000));
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Instalments.enrollmentShare(100, 101));
        assertThrows(IllegalArgumentException.class, () -> Instalments.completionShare(100, 101));
    }
}
