package cn.workers.subsidy.campaign;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static cn.workers.subsidy.vocabulary.Level.ASSOCIATE;
import static cn.workers.subsidy.vocabulary.Level.BACHELOR;
import static cn.workers.subsidy.vocabulary.Level.HIGH_SCHOOL;
import static cn.workers.subsidy.vocabulary.Level.MASTER;
import static cn.workers.subsidy.vocabulary.Level.SKILL_1;
import static cn.workers.subsidy.vocabulary.Level.SKILL_2;
import static cn.workers.subsidy.vocabulary.Level.SKILL_3;
import static cn.workers.subsidy.vocabulary.Level.SKILL_4;
import static cn.workers.subsidy.vocabulary.Level.SKILL_5;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.workers.subsidy.vocabulary.Track;
import cn.workers.subsidy.vocabulary.Level;
/** The two ladders of DESIGN.md, bottom to top. */
class LevelTest {

    private static final List<Level> EDUCATION = List.of(HIGH_SCHOOL, ASSOCIATE, BACHELOR, MASTER);
    private static final List<Level> SKILL = List.of(SKILL_5, SKILL_4, SKILL_3, SKILL_2, SKILL_1);

    @Test
    void theLaddersInOrder() {
        assertEquals(EDUCATION, Level.of(Track.EDUCATION));
        assertEquals(SKILL, Level.of(Track.SKILL));
    }

    @Test
    void everyLevelIsOnExactlyOneLadder() {
        List<Level> both = new ArrayList<>(Level.of(Track.EDUCATION));
        both.addAll(Level.of(Track.SKILL));
        assertEquals(Level.values().length, both.size());
        assertEquals(EnumSet.allOf(Level.class), EnumSet.copyOf(both));
        for (Level l : Level.values()) {
            assertTrue(Level.of(l.track()).contains(l), l.name());
        }
    }

    @Test
    void ranksCountFromOneAtTheBottom() {
        for (Track t : Track.values()) {
            List<Level> ladder = Level.of(t);
            for (int i = 0; i < ladder.size(); i++) {
                assertEquals(i + 1, ladder.get(i).rank(), ladder.get(i).name());
            }
        }
    }

    @Test
    void labels() {
        assertEquals("高中/中专/技校", HIGH_SCHOOL.label());
        assertEquals("大专", ASSOCIATE.label());
        assertEquals("本科", BACHELOR.label());
        assertEquals("硕士", MASTER.label());
        assertEquals("五级/初级工", SKILL_5.label());
        assertEquals("四级/中级工", SKILL_4.label());
        assertEquals("三级/高级工", SKILL_3.label());
        assertEquals("二级/技师", SKILL_2.label());
        assertEquals("一级/高级技师", SKILL_1.label());
    }

    @Test
    void aboveMeansHigherOnTheSameLadder() {
        for (List<Level> ladder : List.of(EDUCATION, SKILL)) {
            for (int i = 0; i < ladder.size(); i++) {
                for (int j = 0; j < ladder.size(); j++) {
                    assertEquals(i > j, ladder.get(i).isAbove(ladder.get(j)), ladder.get(i) + " above " + ladder.get(j));
                }
            }
        }
        assertTrue(BACHELOR.isAbove(ASSOCIATE));
        assertTrue(MASTER.isAbove(HIGH_SCHOOL));
        assertFalse(ASSOCIATE.isAbove(BACHELOR));
        assertTrue(SKILL_1.isAbove(SKILL_2));
        assertTrue(SKILL_4.isAbove(SKILL_5));
        assertFalse(SKILL_5.isAbove(SKILL_4));
    }

    @ParameterizedTest
    @EnumSource(Level.class)
    void noLevelIsAboveItself(Level level) {
        assertFalse(level.isAbove(level));
    }

    @Test
    void nothingIsAboveALevelOnTheOtherLadder() {
        for (Level a : EDUCATION) {
            for (Level b : SKILL) {
                assertFalse(a.isAbove(b), a + " above " + b);
                assertFalse(b.isAbove(a), b + " above " + a);
            }
        }
        // ranks do not leak across: MASTER has rank 4, SKILL_5 rank 1
        assertFalse(MASTER.isAbove(SKILL_5));
        assertFalse(SKILL_1.isAbove(HIGH_SCHOOL));
    }

    @ParameterizedTest
    @EnumSource(Level.class)
    void anyLevelIsAboveNone(Level level) {
        assertTrue(level.isAbove(null));
    }
}
