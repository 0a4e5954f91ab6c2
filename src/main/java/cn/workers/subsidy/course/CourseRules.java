package cn.workers.subsidy.course;

import cn.workers.subsidy.common.error.Inputs;
import cn.workers.subsidy.academy.AcademyEntity;
import cn.workers.subsidy.vocabulary.AcademyKind;
import cn.workers.subsidy.campaign.CampaignEntity;
import cn.workers.subsidy.common.error.DomainException;
import cn.workers.subsidy.common.security.Caller;
import cn.workers.subsidy.vocabulary.Roles;

/** Who may offer a course for which academy, and what makes a course well-formed. */
final class CourseRules {

    private CourseRules() {
    }

    /**
     * Admins offer courses for any academy. An academy client offers them for its own academy and,
     * when it is a HEADQUARTERS, for its direct branches. Nobody else.
     */
    static void requireMayOffer(Caller caller, AcademyEntity callerAcademy, AcademyEntity academy) {
        if (caller.has(Roles.ADMIN)) {
            return;
        }
        boolean own = callerAcademy != null && callerAcademy.id.equals(academy.id);
        boolean branch = callerAcademy != null && callerAcademy.kind == AcademyKind.HEADQUARTERS
                && callerAcademy.id.equals(academy.parentId);
        if (!own && !branch) {
            throw DomainException.forbidden("an academy offers courses only for itself and, as headquarters, for its branches");
        }
    }

    /** The course to store, checked against its campaign. */
    static CourseEntity check(CourseInput in, CampaignEntity campaign, AcademyEntity academy) {
        CourseEntity e = new CourseEntity();
        e.name = in.name().strip();
        if (in.targetLevel().track() != in.track()) {
            throw DomainException.validation("targetLevel", in.targetLevel() + " is not on the " + in.track() + " track");
        }
        if (!campaign.tracks().contains(in.track())) {
            throw DomainException.validation("track", "the campaign does not fund the " + in.track() + " track");
        }
        e.externalCode = in.externalCode().strip();
        if (in.startsOn() == null) {
            throw DomainException.validation("startsOn", "the start date is required");
        }
        e.campaignId = campaign.id;
        e.academyId = academy.id;
        e.track = in.track();
        e.targetLevel = in.targetLevel();
        e.tuitionFen = in.tuitionFen();
        e.capacity = in.capacity();
        e.startsOn = in.startsOn();
        return e;
    }
}
