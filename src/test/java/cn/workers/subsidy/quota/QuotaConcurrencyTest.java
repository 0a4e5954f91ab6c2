package cn.workers.subsidy.quota;

import cn.workers.subsidy.support.Concurrently;
import cn.workers.subsidy.support.Db;
import cn.workers.subsidy.support.Fixtures;
import cn.workers.subsidy.support.Gql;
import cn.workers.subsidy.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

import static cn.workers.subsidy.quota.QuotaAdminTest.allocation;
import static cn.workers.subsidy.quota.QuotaAdminTest.transfer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Transfers racing in every direction over three pools never lose, invent or over-commit a place. */
@QuarkusTest
class QuotaConcurrencyTest {

    static final int THREADS = 12;
    static final int TRANSFERS = 160;

    @Inject
    Fixtures fx;

    @Inject
    Db db;

    @Test
    void racingTransfersKeepEveryPlace() throws Exception {
        Fixtures.Tree a = fx.tree();
        List<String> cities = List.of(a.cityCode(), fx.treeUnder(a.province(), a.provinceCode()).cityCode(),
                fx.treeUnder(a.province(), a.provinceCode()).cityCode());
        long campaign = fx.openCampaign("GRASSROOTS,CITY");
        String admin = Tokens.TEST.admin(Fixtures.unique("admin-"), a.provinceCode());
        for (String city : cities) {
            Gql.op("AllocateQuota").as(admin).var("input", allocation(campaign, city, "SKILL", 100)).ok();
        }
        db.update("UPDATE quota_pool SET approved = 60 WHERE campaign_id = ?", campaign);

        Random random = new Random(42);
        List<Callable<String>> jobs = new ArrayList<>();
        for (int i = 0; i < TRANSFERS; i++) {
            int from = random.nextInt(3);
            int to = (from + 1 + random.nextInt(2)) % 3;
            int places = 1 + random.nextInt(8);
            Map<String, Object> input = transfer(campaign, "SKILL", cities.get(from), cities.get(to), places);
            jobs.add(() -> {
                JsonPath r = Gql.op("TransferQuota").as(admin).var("input", input).send();
                String code = r.getString("errors[0].extensions.code");
                return code == null ? "OK" : code;
            });
        }
        Map<String, Long> outcomes = Concurrently.run(THREADS, jobs).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        int moved = outcomes.getOrDefault("OK", 0L).intValue();
        int refused = outcomes.getOrDefault("QUOTA_BELOW_APPROVED", 0L).intValue();
        assertEquals(TRANSFERS, moved + refused, "only successes and QUOTA_BELOW_APPROVED, no deadlock or other failure: " + outcomes);
        assertTrue(moved > TRANSFERS / 4, "most transfers went through: " + outcomes);

        assertEquals(300L, db.count("SELECT sum(allocated) FROM quota_pool WHERE campaign_id = ?", campaign));
        assertEquals(0L, db.count("SELECT count(*) FROM quota_pool WHERE campaign_id = ? AND allocated < approved", campaign));
        assertEquals((long) moved, db.count("SELECT count(*) FROM quota_ledger l JOIN quota_pool p ON p.id = l.pool_id"
                + " WHERE p.campaign_id = ? AND l.reason = 'TRANSFER_OUT'", campaign));
        assertEquals((long) moved, db.count("SELECT count(*) FROM quota_ledger l JOIN quota_pool p ON p.id = l.pool_id"
                + " WHERE p.campaign_id = ? AND l.reason = 'TRANSFER_IN'", campaign));
        for (Object id : db.column("SELECT id FROM quota_pool WHERE campaign_id = ?", campaign)) {
            long transferred = db.count("SELECT coalesce(sum(delta), 0) FROM quota_ledger WHERE pool_id = ? AND reason LIKE 'TRANSFER%'", id);
            long allocated = db.count("SELECT allocated FROM quota_pool WHERE id = ?", id);
            assertEquals(allocated - 100, transferred, "the ledger explains every place the pool gained or lost");
            assertEquals(allocated, db.count("SELECT allocated_after FROM quota_ledger WHERE pool_id = ? ORDER BY id DESC LIMIT 1", id));
        }
    }
}
