package cn.workers.subsidy.worker;

import cn.workers.subsidy.worker.IdNumber.Invalid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * GB 11643 ID numbers. The valid numbers below were computed by hand with ISO 7064 MOD 11-2:
 * weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 over the first 17 digits, sum mod 11 = 0..10 maps to
 * the check character 1 0 X 9 8 7 6 5 4 3 2.
 */
class IdNumberTest {

    /** A fixed "today" so the tests do not age. */
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);

    /*
     * 11010519491231002X: 1*7=7, 1*9=9, 0*10=0, 1*5=5, 0*8=0, 5*4=20, 1*2=2, 9*1=9, 4*6=24, 9*3=27, 1*7=7,
     *   2*9=18, 3*10=30, 1*5=5, 0*8=0, 0*4=0, 2*2=4; sum 167 = 15*11 + 2 -> 'X'.
     * 330106199001010018: 3*7=21, 3*9=27, 0, 1*5=5, 0, 6*4=24, 1*2=2, 9*1=9, 9*6=54, 0, 0, 1*9=9,
     *   0, 1*5=5, 0, 0, 1*2=2; sum 158 = 14*11 + 4 -> '8'.
     * 33010619900101123X: as above with sequence 123 instead of 001: 158 - 2 + 1*8 + 2*4 + 3*2 = 178
     *   = 16*11 + 2 -> 'X'.
     * 65010119000101001X (born on the first accepted day): 6*7=42, 5*9=45, 0, 1*5=5, 0, 1*4=4,
     *   1*2=2, 9*1=9, 0, 0, 0, 1*9=9, 0, 1*5=5, 0, 0, 1*2=2; sum 123 = 11*11 + 2 -> 'X'.
     * 330106200002290010 (a leap day): 3*7+3*9+1*5+6*4 = 77, 2*2=4, 0, 0, 0, 0, 2*9=18, 2*10=20,
     *   9*5=45, 0, 0, 1*2=2; sum 166 = 15*11 + 1 -> '0'.
     * 440524188001010014: 4*7=28, 4*9=36, 0, 5*5=25, 2*8=16, 4*4=16, 1*2=2, 8*1=8, 8*6=48, 0, 0,
     *   1*9=9, 0, 1*5=5, 0, 0, 1*2=2; sum 195 = 17*11 + 8 -> '4'. Right check character, born 1880.
     */

    @ParameterizedTest
    @CsvSource({
            "11010519491231002X, 1949-12-31",
            "330106199001010018, 1990-01-01",
            "33010619900101123X, 1990-01-01",
            "65010119000101001X, 1900-01-01",
            "330106200002290010, 2000-02-29",
            "330106199005150026, 1990-05-15",
            "320102198706150035, 1987-06-15",
    })
    void handComputedNumbersParse(String number, LocalDate birth) throws Exception {
        IdNumber id = IdNumber.parse(number, TODAY);
        assertEquals(number, id.value());
        assertEquals(birth, id.birthDate());
    }

    @Test
    void checkCharacterMatchesTheHandComputation() {
        assertEquals('X', IdNumber.checkCharacter("11010519491231002"));
        assertEquals('8', IdNumber.checkCharacter("33010619900101001"));
        assertEquals('X', IdNumber.checkCharacter("33010619900101123"));
        assertEquals('0', IdNumber.checkCharacter("33010620000229001"));
        assertEquals('4', IdNumber.checkCharacter("44052418800101001"));
    }

    @Test
    void everyCheckCharacterOccurs() {
        // after 330106 19900101, the sequences 000..012 and 018 between them give every remainder 0..10
        String[] bodies = {"000", "001", "002", "003", "004", "005", "006", "007", "008", "009", "010", "011", "012", "018"};
        String expected = "X864209753642" + "1";
        java.util.Set<Character> seen = new java.util.TreeSet<>();
        for (int i = 0; i < bodies.length; i++) {
            char c = IdNumber.checkCharacter("33010619900101" + bodies[i]);
            assertEquals(expected.charAt(i), c, bodies[i]);
            seen.add(c);
        }
        assertEquals(java.util.Set.of('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X'), seen);
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002x", "33010619900101123x", "65010119000101001x"})
    void lowercaseXIsAcceptedAsX(String number) throws Exception {
        IdNumber id = IdNumber.parse(number, TODAY);
        assertEquals(number.toUpperCase(java.util.Locale.ROOT), id.value());
        assertTrue(id.value().endsWith("X"));
    }

    @ParameterizedTest
    @CsvSource({"11010519491231002, X", "33010619900101001, 8", "33010620000229001, 0"})
    void everyOtherCheckCharacterIsRefused(String body, char right) throws Exception {
        IdNumber.parse(body + right, TODAY);
        int refused = 0;
        for (char c : "0123456789X".toCharArray()) {
            if (c == right) {
                continue;
            }
            Invalid e = refuses(body + c);
            assertEquals("the check character of the ID number is wrong", e.getMessage());
            refused++;
        }
        assertEquals(10, refused);
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002Y", "11010519491231002*", "11010519491231002 ", "11010519491231002Ｘ"})
    void aCheckCharacterOtherThanADigitOrXIsRefused(String number) {
        refuses(number);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "19900230", // February 30
            "19900231",
            "19901301", // month 13
            "19900001", // month 00
            "19900100", // day 00
            "19900132", // day 32
            "19900431", // April has 30 days
            "20010229", // 2001 is not a leap year
            "19000229", // 1900 is not a leap year (divisible by 100, not by 400)
            "21000229",
    })
    void impossibleDatesAreRefused(String date) {
        Invalid e = refuses(withCheck("330106" + date + "001"));
        assertEquals("the birth date in the ID number does not exist", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"20000229", "20040229", "19960229", "19920229"})
    void february29IsAcceptedInLeapYears(String date) throws Exception {
        IdNumber id = IdNumber.parse(withCheck("330106" + date + "001"), TODAY);
        assertEquals(2, id.birthDate().getMonthValue());
        assertEquals(29, id.birthDate().getDayOfMonth());
    }

    @Test
    void aBirthDateInTheFutureIsRefused() throws Exception {
        Invalid e = refuses(withCheck("330106" + "20250701" + "001"));
        assertEquals("the birth date in the ID number is not plausible", e.getMessage());
        refuses(withCheck("330106" + "20991231" + "001"));
        // born today is still possible
        assertEquals(TODAY, IdNumber.parse(withCheck("330106" + "20250630" + "001"), TODAY).birthDate());
    }

    @Test
    void aBirthDateBefore1900IsRefused() throws Exception {
        Invalid e = refuses("440524188001010014");
        assertEquals("the birth date in the ID number is not plausible", e.getMessage());
        refuses(withCheck("330106" + "18991231" + "001"));
        refuses(withCheck("330106" + "00010101" + "001"));
        refuses(withCheck("330106" + "00000101" + "001"));
        assertEquals(LocalDate.of(1900, 1, 1), IdNumber.parse(withCheck("330106" + "19000101" + "001"), TODAY).birthDate());
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "10", "16", "20", "24", "30", "39", "40", "47", "55", "60", "66", "70", "72", "80", "83", "90", "99"})
    void anUnknownProvincePrefixIsRefused(String province) {
        Invalid e = refuses(withCheck(province + "0106" + "19900101" + "001"));
        assertEquals("the region code is not a known division", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82"})
    void everyProvinceLevelDivisionIsKnown(String province) throws Exception {
        IdNumber.parse(withCheck(province + "0106" + "19900101" + "001"), TODAY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "11010519491231002", "11010519491231002XX", "110105194912310021X", "11010519491231002X0",
            "1101051949123100X", "110105 19491231002X"})
    void aWrongLengthIsRefused(String number) {
        Invalid e = refuses(number);
        assertEquals("an ID number has 18 characters", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "A1010519491231002X", "1101051949123100AX", "11010519491231X02X", "11010519491231x02X",
            "110105-9491231002X", "110105 9491231002X",
            "１１0105194912310021", // full-width digits are not ASCII digits
            "١١0105194912310021", // Arabic-Indic digits either
    })
    void lettersOrOtherCharactersInTheBodyAreRefused(String number) {
        Invalid e = refuses(number);
        assertTrue(e.getMessage().startsWith("the first 17 characters") || e.getMessage().startsWith("the check character"),
                e.getMessage());
    }

    @Test
    void nullIsRefused() {
        Invalid e = refuses(null);
        assertEquals("the ID number is missing", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {" 11010519491231002X", "11010519491231002X ", "\t11010519491231002X\n", "  11010519491231002x  ",
            "\u300011010519491231002X\u3000" /* ideographic (full-width) space, common with Chinese input */})
    void surroundingWhitespaceIsTrimmed(String number) throws Exception {
        assertEquals("11010519491231002X", IdNumber.parse(number, TODAY).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"   ", "\t\n"})
    void blankIsRefused(String number) {
        refuses(number);
    }

    @Test
    void maskedKeepsTheFirstSixAndTheLastFour() throws Exception {
        IdNumber id = IdNumber.parse("11010519491231002x", TODAY);
        assertEquals("110105********002X", id.masked());
        assertEquals("110105********002X", id.toString());
        assertEquals("330106********0018", IdNumber.mask("330106199001010018"));
        assertEquals(18, id.masked().length());
        assertFalse(id.toString().contains("19491231"));
    }

    @Test
    void ageCountsWholeYearsAroundTheBirthday() throws Exception {
        IdNumber id = IdNumber.parse("330106199005150026", TODAY); // born 1990-05-15
        assertEquals(29, id.ageOn(LocalDate.of(2020, 5, 14)));
        assertEquals(30, id.ageOn(LocalDate.of(2020, 5, 15)));
        assertEquals(30, id.ageOn(LocalDate.of(2020, 5, 16)));
        assertEquals(30, id.ageOn(LocalDate.of(2021, 5, 14)));
        assertEquals(31, id.ageOn(LocalDate.of(2021, 5, 15)));
        assertEquals(0, id.ageOn(LocalDate.of(1990, 5, 15)));
        assertEquals(0, id.ageOn(LocalDate.of(1991, 5, 14)));
        assertEquals(1, id.ageOn(LocalDate.of(1991, 5, 15)));
    }

    @Test
    void someoneBornOnALeapDayHasABirthdayOnMarch1InOtherYears() throws Exception {
        IdNumber id = IdNumber.parse("330106200002290010", TODAY); // born 2000-02-29
        assertEquals(17, id.ageOn(LocalDate.of(2018, 2, 28)));
        assertEquals(18, id.ageOn(LocalDate.of(2018, 3, 1)));
        assertEquals(19, id.ageOn(LocalDate.of(2020, 2, 28)));
        assertEquals(20, id.ageOn(LocalDate.of(2020, 2, 29)));
    }

    private static final Pattern LONG_DIGIT_RUN = Pattern.compile("\\d{4,}");

    @ParameterizedTest
    @ValueSource(strings = {
            "11010519491231002Y", // bad check character kind
            "110105194912310020", // wrong check character
            "44052418800101001" + "4", // before 1900
            "330106209901010011", // future
            "330106199002300011", // February 30
            "990106199001010011", // unknown province
            "1101051949123100AX", // letter in the body
            "11010519491231002X1", // too long
            "1101051949123",
    })
    void theMessageNeverContainsTheNumber(String number) {
        Invalid e = refuses(number);
        String message = e.getMessage();
        assertFalse(message.contains(number), message);
        assertFalse(LONG_DIGIT_RUN.matcher(message).find(), message);
        assertFalse(e.toString().contains(number), e.toString());
        for (int i = 0; i + 6 <= number.length(); i++) {
            assertFalse(message.contains(number.substring(i, i + 6)), message);
        }
        assertEquals(0, e.getStackTrace().length, "no stack trace to log either");
    }

    private static String withCheck(String body) {
        return body + IdNumber.checkCharacter(body);
    }

    private static Invalid refuses(String number) {
        try {
            IdNumber id = IdNumber.parse(number, TODAY);
            return fail("accepted " + id.masked());
        } catch (IdNumber.Invalid e) {
            return e;
        }
    }
}
