package cn.workers.subsidy.common.security;

import cn.workers.subsidy.common.error.DomainException;

import java.util.Set;

/**
 * Who is calling, as the token says: the subject, the contract roles, and the scope claims
 * ({@code org_unit} for reviewers, admins, finance and auditors; {@code academy_code} for academy
 * clients). Services take a Caller and decide with it; they never read the token themselves.
 */
public record Caller(String subject, Set<String> roles, String orgUnitCode, String academyCode) {

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** The caller's org unit code, or FORBIDDEN when the token carries none. */
    public String requireOrgUnit() {
        if (orgUnitCode == null || orgUnitCode.isBlank()) {
            throw DomainException.forbidden("the token carries no org_unit scope");
        }
        return orgUnitCode;
    }

    /** The caller's academy code, or FORBIDDEN when the token carries none. */
    public String requireAcademy() {
        if (academyCode == null || academyCode.isBlank()) {
            throw DomainException.forbidden("the token carries no academy_code scope");
        }
        return academyCode;
    }
}
