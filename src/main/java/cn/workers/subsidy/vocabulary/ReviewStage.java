package cn.workers.subsidy.vocabulary;


import java.util.Set;

/** The review chain from the workplace union up; each stage is worked by org units of one level. */
public enum ReviewStage {
    GRASSROOTS(4, Set.of(OrgUnitKind.GRASSROOTS)),
    TOWNSHIP(3, Set.of(OrgUnitKind.TOWNSHIP)),
    COUNTY(2, Set.of(OrgUnitKind.COUNTY)),
    CITY(1, Set.of(OrgUnitKind.CITY, OrgUnitKind.INDUSTRY_UNION)),
    PROVINCE(0, Set.of(OrgUnitKind.PROVINCE));

    private final int depth;
    private final Set<OrgUnitKind> kinds;

    ReviewStage(int depth, Set<OrgUnitKind> kinds) {
        this.depth = depth;
        this.kinds = kinds;
    }

    /** The org tree depth of the units that review at this stage (province 0 … workplace 4). */
    public int depth() {
        return depth;
    }

    /** True when a reviewer at a unit of this kind works this stage. */
    public boolean workedBy(OrgUnitKind kind) {
        return kinds.contains(kind);
    }

    public static ReviewStage of(OrgUnitKind kind) {
        for (ReviewStage s : values()) {
            if (s.workedBy(kind)) {
                return s;
            }
        }
        throw new IllegalArgumentException(String.valueOf(kind));
    }
}
