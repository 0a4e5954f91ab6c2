package loaddriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code report} command: the medians over the runs of every RESULT line (the driver's scenarios,
 * run.sh's start-up lines, pgbench/run.sh's baseline), the ratios and the targets of issue 9, and where the
 * cores went, as Markdown (--out, and on stdout).
 */
final class Report {
    /** The RESULT lines of the runs (--results) and of pgbench (--pgbench); pgb: those with --pool clients. */
    private final List<Map<String, String>> results;
    private final List<Map<String, String>> pgbAll;
    private final List<Map<String, String>> pgb;
    private final String big;
    private final String small;

    private Report(Options o) throws IOException {
        results = read(Path.of(o.required("results")));
        pgbAll = read(o.has("pgbench") ? Path.of(o.get("pgbench")) : null);
        // the baseline is pgbench with as many connections as the server's pool (--pool), when given
        pgb = o.has("pool") ? pgbAll.stream().filter(r -> o.get("pool").equals(r.get("clients"))).toList() : pgbAll;
        big = o.get("big", "1m");
        small = o.get("small", "10k");
    }

    static void write(Options o) throws IOException {
        Report r = new Report(o);
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark run ").append(o.get("title", "")).append("\n\n");
        for (String part : new String[] {"machine", "config"}) {
            if (o.has(part) && Files.exists(Path.of(o.get(part)))) {
                md.append("## ").append(part.equals("machine") ? "Machine" : "Configuration").append("\n\n```\n")
                        .append(Files.readString(Path.of(o.get(part))).trim()).append("\n```\n\n");
            }
        }
        r.scenarios(md);
        r.startup(md);
        r.pgbench(md);
        r.targets(md);
        r.cores(md);
        Files.writeString(Path.of(o.required("out")), md.toString());
        System.out.print(md);
    }

    /** Per dataset and scenario: medians of the runs that were ok, and the notes. */
    private void scenarios(StringBuilder md) {
        Map<String, List<Map<String, String>>> groups = new TreeMap<>();
        for (Map<String, String> r : results) {
            groups.computeIfAbsent(r.get("label") + "\t" + r.get("scenario"), k -> new ArrayList<>()).add(r);
        }
        md.append("## Scenarios (median of the runs)\n\n");
        md.append("| data | scenario | status | runs | throughput /s | p50 ms | p99 ms | server RSS max MB | notes |\n|---|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, List<Map<String, String>>> e : groups.entrySet()) {
            List<Map<String, String>> rows = e.getValue();
            String[] k = e.getKey().split("\t");
            if (k[1].equals("startup")) {
                continue;
            }
            List<String> statuses = rows.stream().map(r -> r.get("status")).distinct().toList();
            List<Map<String, String>> ok = rows.stream().filter(r -> "ok".equals(r.get("status"))).toList();
            StringBuilder notes = new StringBuilder();
            for (String x : new String[] {"server_cpu_ms_per_req", "db_cpu_ms_per_req", "driver_cpu_ms_per_req", "rows_per_page", "batch_speedup", "singles_total_ms",
                    "batch_ms", "connected", "delivered", "expected", "approve_p50_ms", "errors", "targets_used"}) {
                double v = med(ok, x);
                if (!Double.isNaN(v) && !(x.equals("errors") && v == 0)) {
                    notes.append(x.replace('_', ' ')).append(' ')
                            .append(f(v, x.endsWith("_cpu_ms_per_req") ? 2 : x.endsWith("ms") || x.equals("batch_speedup") || x.equals("rows_per_page") ? 1 : 0)).append("; ");
                }
            }
            rows.stream().map(r -> r.get("error_codes")).filter(x -> x != null).findFirst().ifPresent(x -> notes.append("errors: ").append(x).append("; "));
            rows.stream().map(r -> r.get("reason")).filter(x -> x != null).findFirst()
                    .ifPresent(x -> notes.append(x.replace('_', ' ').replace("\"", "").replace("|", "/")));
            md.append("| ").append(k[0]).append(" | ").append(k[1]).append(" | ").append(String.join("/", statuses)).append(" | ").append(rows.size())
                    .append(" | ").append(f(med(ok, "rps"), 1)).append(" | ").append(f(med(ok, "p50_ms"), 2)).append(" | ").append(f(med(ok, "p99_ms"), 2))
                    .append(" | ").append(f(med(ok, "rss_max_mb"), 0)).append(" | ").append(notes.toString().trim()).append(" |\n");
        }
    }

    /** run.sh's start-up lines: launch to ready, Quarkus's own figure, idle memory. */
    private void startup(StringBuilder md) {
        List<Map<String, String>> starts = results.stream().filter(r -> "startup".equals(r.get("scenario"))).toList();
        if (starts.isEmpty()) {
            return;
        }
        md.append("\n## Start-up\n\n| data | runs | launch to ready ms (median) | Quarkus \"started in\" s (median) | RSS idle MB (median) |\n|---|---|---|---|---|\n");
        Map<String, List<Map<String, String>>> byLabel = new TreeMap<>();
        starts.forEach(r -> byLabel.computeIfAbsent(r.get("label"), x -> new ArrayList<>()).add(r));
        byLabel.forEach((l, rows) -> md.append("| ").append(l).append(" | ").append(rows.size()).append(" | ").append(f(med(rows, "ready_ms"), 0))
                .append(" | ").append(f(med(rows, "started_in_s"), 3)).append(" | ").append(f(med(rows, "rss_idle_mb"), 0)).append(" |\n"));
    }

    /** Every pgbench script and client count measured. */
    private void pgbench(StringBuilder md) {
        Map<String, List<Map<String, String>>> pg = new TreeMap<>();
        pgbAll.forEach(r -> pg.computeIfAbsent(r.get("script") + "\t" + r.get("clients"), x -> new ArrayList<>()).add(r));
        if (pg.isEmpty()) {
            return;
        }
        md.append("\n## pgbench baseline (the transactions' SQL, same database, same number of connections)\n\n")
                .append("| script | clients | runs | TPS | p50 ms | p99 ms | PostgreSQL CPU ms/txn | pgbench CPU ms/txn |\n|---|---|---|---|---|---|---|---|\n");
        pg.forEach((k, rows) -> {
            String[] x = k.split("\t");
            md.append("| ").append(x[0]).append(" | ").append(x[1]).append(" | ").append(rows.size()).append(" | ").append(f(med(rows, "tps"), 1))
                    .append(" | ").append(f(med(rows, "p50_ms"), 2)).append(" | ").append(f(med(rows, "p99_ms"), 2))
                    .append(" | ").append(f(med(rows, "db_cpu_ms_per_txn"), 2)).append(" | ").append(f(med(rows, "client_cpu_ms_per_txn"), 2)).append(" |\n");
        });
    }

    /** The targets of issue 9. */
    private void targets(StringBuilder md) {
        md.append("\n## Targets of issue 9\n\n| target | measured | goal | met |\n|---|---|---|---|\n");
        for (String[] t : new String[][] {{"submit", "SubmitApplication"}, {"approve", "ApproveApplication (final, takes a place)"}}) {
            double rps = med(ok(big, t[0]), "rps");
            double tps = median(pgb.stream().filter(r -> t[0].equals(r.get("script"))).map(r -> num(r, "tps")).toList());
            double ratio = rps / tps;
            md.append("| ").append(t[1]).append(" throughput / pgbench ").append(t[0]).append(".sql | ").append(f(rps, 1)).append(" / ").append(f(tps, 1))
                    .append(" = ").append(f(100 * ratio, 0)).append("% | ").append(t[0].equals("submit") ? "≥ 50%" : "(reported)").append(" | ")
                    .append(Double.isNaN(ratio) ? "–" : t[0].equals("submit") ? (ratio >= 0.5 ? "yes" : "**no**") : "").append(" |\n");
        }
        // ReviewQueue: the target compares equal pages (CITY queues, first 8); the
        // mixed sample of every stage (first 20) is shown beside it, with its rows per page, for information
        String[][] compared = {
                {"review-queue-full", "review-queue (CITY queues, first 8: equal pages)", "≤ 1.5"},
                {"review-queue", "review-queue, up to 100 units of every stage, first 20 (informational: compare its rows per page)", "(reported)"},
                {"my-applications", "my-applications", "≤ 1.5"}};
        for (String[] t : compared) {
            String sc = t[0];
            double a = med(ok(big, sc), "p50_ms");
            double b = med(ok(small, sc), "p50_ms");
            double a99 = med(ok(big, sc), "p99_ms");
            double b99 = med(ok(small, sc), "p99_ms");
            double ra = med(ok(big, sc), "rows_per_page");
            double rb = med(ok(small, sc), "rows_per_page");
            boolean target = !t[2].startsWith("(");
            md.append("| ").append(t[1]).append(" p50 at ").append(big).append(" / at ").append(small).append(" | ").append(f(a, 2)).append(" / ").append(f(b, 2))
                    .append(" = ").append(f(a / b, 2)).append(" (p99 ").append(f(a99 / b99, 2)).append(")");
            if (!Double.isNaN(ra) || !Double.isNaN(rb)) {
                md.append("; rows per page ").append(f(ra, 1)).append(" at ").append(big).append(", ").append(f(rb, 1)).append(" at ").append(small);
            }
            md.append(" | ").append(t[2]).append(" | ").append(!target || Double.isNaN(a / b) ? "–" : a / b <= 1.5 ? "yes" : "**no**").append(" |\n");
        }
        double speedup = med(ok(big, "sync"), "batch_speedup");
        md.append("| SyncEnrollments: 1,000 single-item calls / one 1,000-item call | ").append(f(speedup, 1)).append("× | ≥ 20× | ")
                .append(Double.isNaN(speedup) ? "–" : speedup >= 20 ? "yes" : "**no**").append(" |\n");
    }

    /**
     * Where the cores went: the server, PostgreSQL and the driver share the machine; pgbench needs only
     * PostgreSQL and its own (small) client. When everything is CPU-bound, throughput is at most
     * cores × 1000 / (CPU ms per request), so the ratio of the two is bounded by the ratio of their CPU costs.
     */
    private void cores(StringBuilder md) {
        StringBuilder cpu = new StringBuilder();
        for (String[] t : new String[][] {{"submit", "SubmitApplication"}, {"approve", "ApproveApplication"}}) {
            List<Map<String, String>> rows = ok(big, t[0]);
            double srv = med(rows, "server_cpu_ms_per_req");
            double db = med(rows, "db_cpu_ms_per_req");
            double drv = med(rows, "driver_cpu_ms_per_req");
            double rps = med(rows, "rps");
            List<Map<String, String>> base = pgb.stream().filter(r -> t[0].equals(r.get("script"))).toList();
            double pdb = med(base, "db_cpu_ms_per_txn");
            double pcl = med(base, "client_cpu_ms_per_txn");
            double tps = med(base, "tps");
            double total = srv + db + drv;
            double pTotal = pdb + pcl;
            if (Double.isNaN(total)) {
                continue; // the scenario was not measured (or its CPU not known)
            }
            cpu.append("- **").append(t[1]).append("** (").append(big).append("): server ").append(f(srv, 2)).append(" + PostgreSQL ").append(f(db, 2))
                    .append(" + driver ").append(f(drv, 2)).append(" = ").append(f(total, 2)).append(" ms of CPU per request, ")
                    .append(f(rps * total / 1000, 2)).append(" cores busy at ").append(f(rps, 1)).append(" req/s; pgbench ").append(t[0])
                    .append(".sql: PostgreSQL ").append(f(pdb, 2)).append(" + pgbench ").append(f(pcl, 2)).append(" = ").append(f(pTotal, 2))
                    .append(" ms per transaction, ").append(f(tps * pTotal / 1000, 2)).append(" cores busy at ").append(f(tps, 1))
                    .append(" TPS. CPU-bound on the same cores, the ratio cannot exceed ").append(f(pTotal, 2)).append(" / ").append(f(total, 2))
                    .append(" = ").append(f(100 * pTotal / total, 0)).append("%").append(t[0].equals("submit") ? " (goal ≥ 50%)" : "").append(".\n");
        }
        if (cpu.length() > 0) {
            md.append("\nWhere the cores went (medians; CPU over each measured window divided by its successful requests or transactions):\n\n")
                    .append(cpu);
        }
    }

    /** The runs of a scenario on a dataset that were ok. */
    private List<Map<String, String>> ok(String label, String scenario) {
        return results.stream().filter(r -> label.equals(r.get("label")) && scenario.equals(r.get("scenario")) && "ok".equals(r.get("status"))).toList();
    }

    /** The RESULT lines of a file as key=value maps, in order; none when the file is absent. */
    static List<Map<String, String>> read(Path f) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        if (f == null || !Files.exists(f)) {
            return rows;
        }
        for (String l : Files.readAllLines(f)) {
            l = l.trim();
            if (!l.startsWith("RESULT ")) {
                continue;
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (String kv : l.substring(7).split(" ")) {
                int i = kv.indexOf('=');
                if (i > 0) {
                    m.put(kv.substring(0, i), kv.substring(i + 1));
                }
            }
            rows.add(m);
        }
        return rows;
    }

    /** The median of the values that are numbers, NaN when there is none. */
    static double median(List<Double> v) {
        List<Double> l = v.stream().filter(d -> !d.isNaN()).sorted().toList();
        if (l.isEmpty()) {
            return Double.NaN;
        }
        int n = l.size();
        return n % 2 == 1 ? l.get(n / 2) : (l.get(n / 2 - 1) + l.get(n / 2)) / 2;
    }

    static double num(Map<String, String> m, String k) {
        try {
            return Double.parseDouble(m.getOrDefault(k, "NaN"));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static double med(List<Map<String, String>> rows, String key) {
        return median(rows.stream().map(r -> num(r, key)).toList());
    }

    /** A figure with this many decimals, "–" for NaN. */
    static String f(double d, int decimals) {
        return Double.isNaN(d) ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", d);
    }
}
