package cn.workers.subsidy.org;

import cn.workers.subsidy.common.error.DomainException;
import cn.workers.subsidy.org.OrgUnitEntity;
import cn.workers.subsidy.vocabulary.OrgUnitKind;
import cn.workers.subsidy.org.OrgUnitRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import cn.workers.subsidy.vocabulary.Roles;
import cn.workers.subsidy.common.security.Caller;
/**
 * Where an administrator may act. An admin's {@code org_unit} claim names their unit: an admin at a
 * PROVINCE unit administers everything (campaigns, academies, the org tree, every pool); any other
 * admin acts only on pools inside their own subtree. Call inside a session.
 */
@ApplicationScoped
public class AdminScope {

    private final OrgUnitRepository orgUnits;

    AdminScope(OrgUnitRepository orgUnits) {
        this.orgUnits = orgUnits;
    }

    /** The admin's own org unit; FORBIDDEN when the caller is no admin or the claim names no known unit. */
    public Uni<OrgUnitEntity> adminUnit(Caller caller) {
        if (!caller.has(Roles.ADMIN)) {
            return Uni.createFrom().failure(DomainException.forbidden("only administrators may do this"));
        }
        String code;
        try {
            code = caller.requireOrgUnit();
        } catch (DomainException e) {
            return Uni.createFrom().failure(e);
        }
        return orgUnits.findByCode(code).map(unit -> {
            if (unit == null) {
                throw DomainException.forbidden("the caller's org_unit is not a known org unit");
            }
            return unit;
        });
    }

    /** The admin's unit when it is a PROVINCE unit; FORBIDDEN otherwise. */
    public Uni<OrgUnitEntity> provinceAdmin(Caller caller) {
        return adminUnit(caller).map(unit -> {
            if (!isProvince(unit)) {
                throw DomainException.forbidden("only a province administrator may do this");
            }
            return unit;
        });
    }

    public static boolean isProvince(OrgUnitEntity adminUnit) {
        return adminUnit.kind == OrgUnitKind.PROVINCE;
    }

    /** FORBIDDEN unless {@code target} is inside the admin's subtree (a province admin covers every unit). */
    public static void requireCovers(OrgUnitEntity adminUnit, OrgUnitEntity target, String what) {
        if (!isProvince(adminUnit) && !adminUnit.contains(target)) {
            throw DomainException.forbidden(what + " is outside the administrator's org unit");
        }
    }
}
