package cn.workers.subsidy.vocabulary;

import java.util.Arrays;
import java.util.List;

/** The two ladders: a level belongs to one track and is above the levels before it on that track. */
public enum Level {
    HIGH_SCHOOL(Track.EDUCATION, 1, "高中/中专/技校"),
    ASSOCIATE(Track.EDUCATION, 2, "大专"),
    BACHELOR(Track.EDUCATION, 3, "本科"),
    MASTER(Track.EDUCATION, 4, "硕士"),
    SKILL_5(Track.SKILL, 1, "五级/初级工"),
    SKILL_4(Track.SKILL, 2, "四级/中级工"),
    SKILL_3(Track.SKILL, 3, "三级/高级工"),
    SKILL_2(Track.SKILL, 4, "二级/技师"),
    SKILL_1(Track.SKILL, 5, "一级/高级技师");

    private final Track track;
    private final int rank;
    private final String label;

    Level(Track track, int rank, String label) {
        this.track = track;
        this.rank = rank;
        this.label = label;
    }

    public Track track() {
        return track;
    }

    /** Position on its ladder, 1 at the bottom. */
    public int rank() {
        return rank;
    }

    /** The Chinese label shown to people. */
    public String label() {
        return label;
    }

    /** True when this level is on the same ladder as {@code current} and above it; any level is above none. */
    public boolean isAbove(Level current) {
        return current == null ? true : current.track == track && rank > current.rank;
    }

    public static List<Level> of(Track track) {
        return Arrays.stream(values()).filter(l -> l.track == track).toList();
    }
}
