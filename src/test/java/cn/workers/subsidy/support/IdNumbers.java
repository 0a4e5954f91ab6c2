package cn.workers.subsidy.support;

import cn.workers.subsidy.worker.IdNumber;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid ID numbers for test workers: each call gives a new one (Hangzhou region code). */
public final class IdNumbers {

    private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 500));

    private IdNumbers() {
    }

    public static String valid(LocalDate birth) {
        int n = SEQ.incrementAndGet();
        // vary the day inside the month and the sequence so numbers do not collide across runs
        String first17 = "330106" + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
                + String.format("%03d", n % 1000);
        return first17 + IdNumber.checkCharacter(first17);
    }

    /** A valid number for someone born {@code years} years ago (plus a few days). */
    public static String aged(int years) {
        int n = SEQ.get();
        return valid(LocalDate.now().minusYears(years).minusDays(10 + n % 300));
    }
}
