package cn.workers.subsidy.dev;

import java.util.List;
import java.util.Set;

/**
 * The dev profile's demo identities: one or more for every role of the contract, sitting at the
 * demo province's org units. Their tokens come from {@link DevTokenRoute}.
 */
public record DemoIdentity(String username, String description, Set<String> roles, String orgUnit, String academyCode) {

    public static final List<DemoIdentity> ALL = List.of(
            new DemoIdentity("worker1", "worker (职工), frontline at a Hangzhou workplace union", Set.of("worker"), null, null),
            new DemoIdentity("worker2", "a second worker, to see that workers are kept apart", Set.of("worker"), null, null),
            new DemoIdentity("reviewer-grassroots", "reviewer at a workplace union (GRASSROOTS stage)", Set.of("reviewer"), "330106001001", null),
            new DemoIdentity("reviewer-township", "reviewer at 北山街道 (TOWNSHIP stage)", Set.of("reviewer"), "330106001", null),
            new DemoIdentity("reviewer-county", "reviewer at 西湖区总工会 (COUNTY stage)", Set.of("reviewer"), "330106", null),
            new DemoIdentity("reviewer-city", "reviewer at 杭州市总工会 (CITY stage)", Set.of("reviewer"), "330100", null),
            new DemoIdentity("reviewer-ningbo", "reviewer at 宁波市总工会 (CITY stage, another city)", Set.of("reviewer"), "330200", null),
            new DemoIdentity("reviewer-province", "reviewer at 浙江省总工会 (PROVINCE stage)", Set.of("reviewer"), "330000", null),
            new DemoIdentity("admin", "programme administrator of the province", Set.of("admin"), "330000", null),
            new DemoIdentity("admin-hangzhou", "programme administrator of 杭州市", Set.of("admin"), "330100", null),
            new DemoIdentity("finance", "finance officer of the province", Set.of("finance"), "330000", null),
            new DemoIdentity("auditor", "auditor of the province", Set.of("auditor"), "330000", null),
            new DemoIdentity("academy-zjgj", "machine client of 浙江工匠学院 headquarters", Set.of("academy"), null, "ZJGJ"),
            new DemoIdentity("academy-hzgj", "machine client of 杭州工匠学院 (a branch)", Set.of("academy"), null, "ZJGJ-HZ"));

    public static DemoIdentity find(String username) {
        return ALL.stream().filter(i -> i.username().equals(username)).findFirst().orElse(null);
    }

    /** The token subject: stable and recognisable in history entries. */
    public String subject() {
        return "demo-" + username;
    }
}
