package cn.workers.subsidy.vocabulary;

/** The levels of the union tree, from the province down to the workplace. */
public enum OrgUnitKind {
    PROVINCE(0), CITY(1), INDUSTRY_UNION(1), COUNTY(2), TOWNSHIP(3), GRASSROOTS(4);

    private final int depth;

    OrgUnitKind(int depth) {
        this.depth = depth;
    }

    /** 0 for the province, 4 for a workplace union; a child sits exactly one level below its parent. */
    public int depth() {
        return depth;
    }
}
