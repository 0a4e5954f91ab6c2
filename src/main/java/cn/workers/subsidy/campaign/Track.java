package cn.workers.subsidy.campaign;

public enum Track {
    /** 学历提升 */
    EDUCATION,
    /** 技能晋级 */
    SKILL
}
