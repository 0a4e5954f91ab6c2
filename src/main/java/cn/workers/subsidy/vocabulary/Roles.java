package cn.workers.subsidy.vocabulary;

/** The contract's roles, as they appear in {@code realm_access.roles}. */
public final class Roles {
    public static final String WORKER = "worker";
    public static final String REVIEWER = "reviewer";
    public static final String ADMIN = "admin";
    public static final String FINANCE = "finance";
    public static final String ACADEMY = "academy";
    public static final String AUDITOR = "auditor";

    private Roles() {
    }
}
