package cn.workers.subsidy.vocabulary;

public enum Track {
    /** 学历提升 */
    EDUCATION,
    /** 技能晋级 */
    SKILL
}
