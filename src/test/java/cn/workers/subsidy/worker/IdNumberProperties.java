package cn.workers.subsidy.worker;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Properties of the GB 11643 ID number. The check character makes the weighted sum of all 18
 * characters (X = 10, weight 1 for the check) congruent to 1 mod 11. The body weights are
 * 2^17 ... 2^1 mod 11: none is 0 mod 11 and each is twice the next, so
 * <ul>
 * <li>a single substitution a→b at position i changes the sum by w_i·(b−a), with 0 &lt; |b−a| ≤ 9
 * and 11 prime: never 0 mod 11, always detected;</li>
 * <li>a swap of distinct adjacent digits a, b at positions i, i+1 changes it by
 * (a−b)·(w_i − w_{i+1}) = (a−b)·w_{i+1} mod 11: never 0, always detected (also for the last body
 * digit and the check digit, weights 2 and 1).</li>
 * </ul>
 * The two exhaustive examples check those claims over every position and every digit pair: the
 * change depends only on position and digits, not on the rest of the number.
 */
class IdNumberProperties {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);
    private static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    private static final List<String> PROVINCES = List.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
            "71", "81", "82");
    private static final String ALLOWED = "0123456789X";
    private static final Pattern DIGIT_RUN = Pattern.compile("\\d{4,}");
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.ofPattern("uuuuMMdd");

    /** A plausible body: province, any 4 more region digits, a date in [1900-01-01, today], any sequence. */
    record Body(String province, String region, LocalDate birth, String sequence) {
        String digits() {
            return province + region + birth.format(YYYYMMDD) + sequence;
        }

        String number() {
            String d = digits();
            return d + IdNumber.checkCharacter(d);
        }
    }

    @Provide
    Arbitrary<Body> bodies() {
        return Combinators.combine(
                Arbitraries.of(PROVINCES),
                Arbitraries.strings().numeric().ofLength(4),
                Arbitraries.longs().between(FIRST.toEpochDay(), TODAY.toEpochDay()).map(LocalDate::ofEpochDay),
                Arbitraries.strings().numeric().ofLength(3))
                .as(Body::new);
    }

    @Property(tries = 2000)
    void aComputedCheckCharacterGivesANumberThatParsesAndRoundTrips(@ForAll("bodies") Body body) throws Exception {
        String number = body.number();
        IdNumber id = IdNumber.parse(number, TODAY);

        assertEquals(number, id.value());
        assertEquals(body.birth(), id.birthDate());
        assertEquals(number.substring(0, 6) + "********" + number.substring(14), id.masked());
        assertEquals(id.masked(), id.toString());
        assertEquals(id, IdNumber.parse(id.value(), TODAY));
        assertEquals(id, IdNumber.parse(" " + number.toLowerCase(Locale.ROOT) + "\t", TODAY));
    }

    @Property(tries = 2000)
    void aSingleDigitSubstitutionInTheBodyIsAlwaysDetected(@ForAll("bodies") Body body,
            @ForAll @IntRange(min = 0, max = 16) int position, @ForAll @IntRange(min = 1, max = 9) int shift)
            throws Exception {
        String number = body.number();
        char[] chars = number.toCharArray();
        chars[position] = (char) ('0' + (chars[position] - '0' + shift) % 10);
        String mutated = new String(chars);

        assertNotEquals(number.charAt(17), IdNumber.checkCharacter(mutated), "the check character must change");
        assertRefused(mutated);
    }

    @Property(tries = 2000)
    void changingAnyCharacterToAnotherAllowedCharacterIsRefused(@ForAll("bodies") Body body,
            @ForAll @IntRange(min = 0, max = 17) int position, @ForAll @IntRange(min = 0, max = 10) int replacement) {
        String number = body.number();
        char to = ALLOWED.charAt(replacement);
        Assume.that(number.charAt(position) != to);

        assertRefused(number.substring(0, position) + to + number.substring(position + 1));
        assertRefused(number.substring(0, position) + Character.toLowerCase(to) + number.substring(position + 1));
    }

    @Property(tries = 2000)
    void aSwapOfDistinctAdjacentBodyDigitsIsAlwaysDetected(@ForAll("bodies") Body body,
            @ForAll @IntRange(min = 0, max = 15) int position) {
        String number = body.number();
        Assume.that(number.charAt(position) != number.charAt(position + 1));
        String swapped = swap(number, position);

        assertNotEquals(number.charAt(17), IdNumber.checkCharacter(swapped), "the check character must change");
        assertRefused(swapped);
    }

    @Property(tries = 1000)
    void aSwapOfTheLastBodyDigitWithTheCheckCharacterIsDetected(@ForAll("bodies") Body body) {
        String number = body.number();
        Assume.that(number.charAt(16) != number.charAt(17));

        assertRefused(swap(number, 16));
    }

    @Example
    void everySingleSubstitutionAtEveryPositionChangesTheCheckCharacter() {
        int checked = 0;
        for (int position = 0; position < 17; position++) {
            for (char from = '0'; from <= '9'; from++) {
                for (char to = '0'; to <= '9'; to++) {
                    if (from == to) {
                        continue;
                    }
                    char[] a = "33010619900101001".toCharArray();
                    a[position] = from;
                    char[] b = a.clone();
                    b[position] = to;
                    assertNotEquals(IdNumber.checkCharacter(new String(a)), IdNumber.checkCharacter(new String(b)),
                            "position " + position + ": " + from + " -> " + to);
                    checked++;
                }
            }
        }
        assertEquals(17 * 90, checked);
    }

    @Example
    void everyAdjacentTranspositionAtEveryPositionChangesTheCheckCharacter() {
        int checked = 0;
        for (int position = 0; position < 16; position++) {
            for (char x = '0'; x <= '9'; x++) {
                for (char y = '0'; y <= '9'; y++) {
                    if (x == y) {
                        continue;
                    }
                    char[] a = "33010619900101001".toCharArray();
                    a[position] = x;
                    a[position + 1] = y;
                    String original = new String(a);
                    assertNotEquals(IdNumber.checkCharacter(original), IdNumber.checkCharacter(swap(original, position)),
                            "positions " + position + "," + (position + 1) + ": " + x + y);
                    checked++;
                }
            }
        }
        assertEquals(16 * 90, checked);
    }

    @Provide
    Arbitrary<String> anyStrings() {
        Arbitrary<String> valid = bodies().map(Body::number);
        Arbitrary<String> mutatedValid = Combinators.combine(valid, Arbitraries.integers().between(0, 17),
                Arbitraries.chars().all()).as((n, i, c) -> n.substring(0, i) + c + n.substring(i + 1));
        Arbitrary<String> nearlyValidLength = Combinators.combine(valid, Arbitraries.integers().between(0, 18),
                Arbitraries.strings().all().ofMaxLength(3)).as((n, i, s) -> n.substring(0, i) + s + n.substring(i));
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().numeric().ofMinLength(15).ofMaxLength(20),
                Arbitraries.strings().withChars("0123456789Xx \t\u3000").ofMinLength(16).ofMaxLength(22),
                valid, mutatedValid, nearlyValidLength)
                .injectNull(0.02);
    }

    @Property(tries = 3000)
    void anyStringEitherParsesToAPlausibleNumberOrIsRefusedWithInvalid(@ForAll("anyStrings") String raw) {
        IdNumber id;
        try {
            id = IdNumber.parse(raw, TODAY);
        } catch (IdNumber.Invalid e) {
            assertNotNull(e.getMessage());
            assertFalse(DIGIT_RUN.matcher(e.getMessage()).find(), "the message holds a run of digits");
            return;
        } catch (Throwable t) {
            fail("parse threw " + t.getClass().getName() + " instead of IdNumber.Invalid", t);
            return;
        }
        String v = id.value();
        assertEquals(18, v.length());
        assertTrue(v.substring(0, 17).chars().allMatch(c -> c >= '0' && c <= '9'), "masked: " + id.masked());
        assertEquals(v.charAt(17), IdNumber.checkCharacter(v));
        assertTrue(PROVINCES.contains(v.substring(0, 2)));
        assertFalse(id.birthDate().isAfter(TODAY));
        assertFalse(id.birthDate().isBefore(FIRST));
        assertEquals(v, raw.strip().toUpperCase(Locale.ROOT));
    }

    private static String swap(String s, int i) {
        char[] c = s.toCharArray();
        char t = c[i];
        c[i] = c[i + 1];
        c[i + 1] = t;
        return new String(c);
    }

    private static void assertRefused(String number) {
        try {
            IdNumber id = IdNumber.parse(number, TODAY);
            fail("accepted " + id.masked());
        } catch (IdNumber.Invalid expected) {
            // refused, as it must be
        }
    }
}
