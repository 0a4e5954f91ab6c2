package cn.workers.subsidy.me;

import cn.workers.subsidy.support.Gql;
import cn.workers.subsidy.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class MeTest {

    @Test
    void workerSeesTheirSubjectAndRoles() {
        JsonPath me = Gql.op("Me").as(Tokens.TEST.worker("me-test-worker")).ok();
        assertThat(me.getString("data.me.subject"), equalTo("me-test-worker"));
        assertThat(me.getList("data.me.roles"), contains("worker"));
        assertThat(me.get("data.me.worker"), nullValue());
    }

    @Test
    void rolesOutsideTheContractAreDropped() {
        JsonPath me = Gql.op("Me").as(Tokens.TEST.token("me-test-mixed", List.of("reviewer", "offline_access", "uma_authorization"), "999999", null)).ok();
        assertThat(me.getList("data.me.roles"), contains("reviewer"));
        assertThat("an unknown org unit code resolves to nothing", me.get("data.me.orgUnit"), nullValue());
    }

    @Test
    void withoutTokenItIsUnauthenticated() {
        assertThat(Gql.op("Me").errorCode(), equalTo("UNAUTHENTICATED"));
    }
}
