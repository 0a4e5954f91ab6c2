package cn.workers.subsidy.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** Tokens of every contract role that is not an administrator, to knock on the admins' doors. */
public final class Callers {

    private Callers() {
    }

    /** worker, reviewer, finance, academy and auditor tokens; scoped to {@code orgUnitCode} where the role has a scope. */
    public static Map<String, String> nonAdmins(String orgUnitCode, String academyCode) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("worker", Tokens.TEST.worker(Fixtures.unique("w-")));
        m.put("reviewer", Tokens.TEST.reviewer(Fixtures.unique("r-"), orgUnitCode));
        m.put("finance", Tokens.TEST.finance(Fixtures.unique("f-"), orgUnitCode));
        m.put("academy", Tokens.TEST.academy(Fixtures.unique("a-"), academyCode));
        m.put("auditor", Tokens.TEST.auditor(Fixtures.unique("au-"), orgUnitCode));
        return m;
    }
}
