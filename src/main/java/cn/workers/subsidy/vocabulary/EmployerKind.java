package cn.workers.subsidy.vocabulary;

public enum EmployerKind {
    ENTERPRISE,
    /** 新就业形态: couriers, ride-hailing drivers and the like. */
    NEW_EMPLOYMENT_FORM,
    /** 机关事业单位: not eligible. */
    PUBLIC_INSTITUTION
}
