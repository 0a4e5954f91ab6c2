package loaddriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code run} command: pre-warms the server on the read scenarios (--prewarm seconds, nothing recorded),
 * then runs the --scenarios one after the other. Each gives one "RESULT key=value ..." line on stdout, also
 * appended to --out; a scenario that throws is reported "failed" with its reason, and the next one runs.
 */
final class Run {
    private final Options o;
    private final Tokens tokens;
    private final RunContext context;
    private final String label;
    private final Path out;

    Run(Options o, Tokens tokens) throws Exception {
        this.o = o;
        this.tokens = tokens;
        int concurrency = o.integer("concurrency", 32);
        Gql gql = new Gql(o.required("url"), new Operations(Path.of(o.get("ops", "graphql/operations"))));
        Path input = Path.of(o.required("input"));
        int duration = o.integer("duration", 20);
        int warmup = o.integer("warmup", 5);
        this.label = o.get("label", "run");
        this.out = o.has("out") ? Path.of(o.get("out")) : null;
        this.context = new RunContext(gql, tokens, new Input(input), o, concurrency, warmup, duration, o.get("server-pid"), o.get("db-pid"));
    }

    void run() throws Exception {
        String list = o.get("scenarios", Scenarios.all());
        System.err.printf("[driver] %s: %s, %d virtual users, %d s warm-up + %d s per scenario%n", label, context.gql().endpoint(),
                context.concurrency(), context.warmup(), context.duration());
        int prewarm = o.integer("prewarm", 0);
        if (prewarm > 0) {
            // JIT warm-up of the server on the read paths; nothing recorded
            List<String> reads = Arrays.stream(list.split(",")).map(String::trim).filter(Scenarios.READS::contains).toList();
            System.err.printf("[driver] pre-warming the server for %d s on %s%n", prewarm, reads);
            RunContext warming = context.window(Math.max(1, prewarm / Math.max(1, reads.size())), 0);
            for (String name : reads) {
                Scenarios.named(name).run(warming);
            }
        }
        for (String sc : list.split(",")) {
            String name = sc.trim();
            Stats s;
            try {
                s = Scenarios.named(name).run(context);
            } catch (RuntimeException e) {
                s = new Stats(name);
                s.status = "failed";
                s.reason(String.valueOf(e));
                e.printStackTrace();
            }
            String line = s.line(label, o.get("run", "1"));
            System.out.println(line);
            for (String err : s.sampleErrors) {
                System.err.println("[driver]   " + sc + " error sample: " + err);
            }
            if (out != null) {
                Files.writeString(out, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            tokens.save();
        }
    }
}
