package cn.workers.subsidy.review;

import cn.workers.subsidy.vocabulary.OrgPaths;
import cn.workers.subsidy.org.OrgUnitEntity;
import cn.workers.subsidy.common.security.Caller;

import cn.workers.subsidy.vocabulary.ReviewStage;
/** A reviewer with their union resolved: they act inside its subtree and at the stage of its level. */
public record Reviewer(Caller caller, OrgUnitEntity unit) {

    public ReviewStage stage() {
        return ReviewStage.of(unit.kind);
    }

    public boolean inScope(String orgPath) {
        return OrgPaths.within(orgPath, unit.path);
    }
}
