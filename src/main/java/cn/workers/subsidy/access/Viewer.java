package cn.workers.subsidy.access;

import cn.workers.subsidy.vocabulary.OrgPaths;

import cn.workers.subsidy.vocabulary.Roles;
import cn.workers.subsidy.common.security.Caller;
/**
 * The caller with their scope claims resolved to rows: their worker profile id (workers), the path
 * of their org unit (reviewers, admins, finance, auditors) and their academy id (academy clients).
 * Decides what a caller may see of an application.
 */
public record Viewer(Caller caller, Long workerId, String orgPath, Long academyId) {

    /** May the viewer know that this application exists and read it? */
    public boolean canSee(long appWorkerId, String appOrgPath, long appAcademyId, boolean approvedOnce) {
        if (caller.has(Roles.WORKER) && workerId != null && workerId == appWorkerId) {
            return true;
        }
        if (orgPath != null && (caller.has(Roles.REVIEWER) || caller.has(Roles.ADMIN) || caller.has(Roles.AUDITOR)
                || caller.has(Roles.FINANCE)) && OrgPaths.within(appOrgPath, orgPath)) {
            return true;
        }
        return academyReads(appAcademyId, approvedOnce);
    }

    /** The owner sees their own full ID number and phone; so does the academy of an approved course. */
    public boolean seesPersonalData(long appWorkerId, long appAcademyId, boolean approvedOnce) {
        return caller.has(Roles.WORKER) && workerId != null && workerId == appWorkerId || academyReads(appAcademyId, approvedOnce);
    }

    private boolean academyReads(long appAcademyId, boolean approvedOnce) {
        return caller.has(Roles.ACADEMY) && academyId != null && academyId == appAcademyId && approvedOnce;
    }
}
