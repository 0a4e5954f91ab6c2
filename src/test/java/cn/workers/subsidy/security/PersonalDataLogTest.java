package cn.workers.subsidy.security;

import cn.workers.subsidy.support.Fixtures;
import cn.workers.subsidy.support.Gql;
import cn.workers.subsidy.support.IdNumbers;
import cn.workers.subsidy.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** ID numbers and phone numbers never reach the logs, not even when a write fails on a constraint. */
@QuarkusTest
class PersonalDataLogTest {

    @Inject
    Fixtures fx;

    static final class Capture extends Handler {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord r) {
            StringBuilder sb = new StringBuilder(String.valueOf(r.getMessage()));
            if (r.getParameters() != null) {
                for (Object p : r.getParameters()) {
                    sb.append(' ').append(p);
                }
            }
            for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
                sb.append(' ').append(t);
            }
            lines.add(sb.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void personalDataIsNeverLogged() {
        Fixtures.Tree t = fx.tree();
        String id = IdNumbers.aged(33);
        String phone = "13712345678";
        Capture capture = new Capture();
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            Map<String, Object> in = new HashMap<>(Map.of("name", "王五", "idNumber", id, "phone", phone, "unionMemberNo", "M",
                    "employer", "E", "employerKind", "ENTERPRISE", "frontline", true, "orgUnitCode", t.grassrootsCode(),
                    "educationLevel", "HIGH_SCHOOL"));
            Gql.op("UpdateMyProfile").as(Tokens.TEST.worker(Fixtures.unique("log-a-"))).var("input", in).ok();
            // the same number for another account fails on the unique keyed hash: the failure must not leak it either
            Gql.op("UpdateMyProfile").as(Tokens.TEST.worker(Fixtures.unique("log-b-"))).var("input", in).errorCode();
            in.put("idNumber", id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1'));
            Gql.op("UpdateMyProfile").as(Tokens.TEST.worker(Fixtures.unique("log-c-"))).var("input", in).errorCode();
        } finally {
            root.removeHandler(capture);
        }
        for (String line : capture.lines) {
            assertFalse(line.contains(id.substring(0, 17)), "ID number in a log line: " + line);
            assertFalse(line.contains(phone), "phone number in a log line: " + line);
        }
    }
}
