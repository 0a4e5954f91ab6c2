package loaddriver;

import java.util.List;

/** Whom a token speaks for: its subject, realm roles and the org_unit / academy_code claims (null when absent). */
record Identity(String subject, List<String> roles, String orgUnit, String academy) {

    static Identity worker(String subject) {
        return new Identity(subject, List.of("worker"), null, null);
    }

    /** A reviewer of the union with this code: subject bench-r-CODE, org_unit CODE. */
    static Identity reviewer(String unitCode) {
        return new Identity("bench-r-" + unitCode, List.of("reviewer"), unitCode, null);
    }

    static Identity academy(String academyCode) {
        return new Identity("bench-academy-" + academyCode, List.of("academy"), null, academyCode);
    }

    /** An administrator of the province (org unit 330000). */
    static Identity provinceAdmin() {
        return new Identity("bench-admin-province", List.of("admin"), "330000", null);
    }

    /** The key of the token cache: sub|roles|org_unit|academy_code, absent claims as "". */
    String cacheKey() {
        return subject + "|" + String.join(",", roles) + "|" + (orgUnit == null ? "" : orgUnit) + "|" + (academy == null ? "" : academy);
    }
}
