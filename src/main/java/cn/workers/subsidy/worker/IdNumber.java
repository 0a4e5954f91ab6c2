package cn.workers.subsidy.worker;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;

/**
 * The 18-character resident ID number (居民身份证号) of GB 11643: a 6-digit region code, the birth
 * date as yyyyMMdd, a 3-digit sequence and a check character (0-9 or X) computed with ISO 7064
 * MOD 11-2. {@link #parse} accepts only a number whose every part is plausible.
 */
public record IdNumber(String value, LocalDate birthDate) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    /** First two digits of the province-level divisions of GB/T 2260. */
    private static final java.util.Set<String> PROVINCES = java.util.Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
            "71", "81", "82");

    /** Why a number was refused; the message never repeats the number. */
    public static final class Invalid extends Exception {
        public Invalid(String reason) {
            super(reason, null, false, false);
        }
    }

    public static IdNumber parse(String raw, LocalDate today) throws Invalid {
        if (raw == null) {
            throw new Invalid("the ID number is missing");
        }
        String s = raw.strip().toUpperCase(java.util.Locale.ROOT);
        if (s.length() != 18) {
            throw new Invalid("an ID number has 18 characters");
        }
        for (int i = 0; i < 17; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                throw new Invalid("the first 17 characters of an ID number are digits");
            }
        }
        char last = s.charAt(17);
        if (!(last >= '0' && last <= '9') && last != 'X') {
            throw new Invalid("the check character is a digit or X");
        }
        if (!PROVINCES.contains(s.substring(0, 2))) {
            throw new Invalid("the region code is not a known division");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(s.substring(6, 10)), Integer.parseInt(s.substring(10, 12)),
                    Integer.parseInt(s.substring(12, 14)));
        } catch (DateTimeException e) {
            throw new Invalid("the birth date in the ID number does not exist");
        }
        if (birth.isAfter(today) || birth.getYear() < 1900) {
            throw new Invalid("the birth date in the ID number is not plausible");
        }
        if (checkCharacter(s) != last) {
            throw new Invalid("the check character of the ID number is wrong");
        }
        return new IdNumber(s, birth);
    }

    /** The check character for the first 17 digits of {@code s}. */
    public static char checkCharacter(String s) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (s.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** Whole years of age on {@code day}. */
    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    /** First 6 and last 4 kept: {@code 330106********123X}. */
    public String masked() {
        return mask(value);
    }

    public static String mask(String idNumber) {
        return idNumber.substring(0, 6) + "*".repeat(idNumber.length() - 10) + idNumber.substring(idNumber.length() - 4);
    }

    @Override
    public String toString() {
        return masked();
    }
}
