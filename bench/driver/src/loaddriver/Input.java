package loaddriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data the scenarios pick from (--input DIR), written by bench/run.sh from the bench schema of the
 * dataset as CSV without a header: meta.csv (key,value), submit_target.csv, approve_target.csv,
 * sync_target.csv, review_units.csv, courses.csv. A missing file reads as no rows.
 */
final class Input {
    private final Path dir;
    private final Map<String, String> meta = new HashMap<>();

    Input(Path dir) throws IOException {
        this.dir = dir;
        for (String[] r : csv("meta.csv")) {
            meta.put(r[0], r[1]);
        }
    }

    List<String[]> csv(String name) throws IOException {
        Path f = dir.resolve(name);
        if (!Files.exists(f)) {
            return List.of();
        }
        List<String[]> rows = new ArrayList<>();
        for (String l : Files.readAllLines(f)) {
            if (!l.isBlank()) {
                rows.add(l.split(",", -1));
            }
        }
        return rows;
    }

    String campaignId() {
        return meta.getOrDefault("open_campaign_id", "3");
    }

    /** bench-w-N for the workers that hold three applications at every size (meta myapps_worker_from..to). */
    List<String> workerSubjects() {
        int from = Integer.parseInt(meta.getOrDefault("myapps_worker_from", "2001"));
        int to = Integer.parseInt(meta.getOrDefault("myapps_worker_to", "4000"));
        List<String> subjects = new ArrayList<>();
        for (int w = from; w <= to; w++) {
            subjects.add("bench-w-" + w);
        }
        return subjects;
    }

    /** review_units.csv (stage,code): the unit codes by stage. */
    Map<String, List<String>> reviewUnits() throws IOException {
        Map<String, List<String>> byStage = new TreeMap<>();
        for (String[] r : csv("review_units.csv")) {
            byStage.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r[1]);
        }
        return byStage;
    }

    /** approve_target.csv: n,application_id,version,city_code, cases waiting at CITY. */
    List<String[]> approveTargets() throws IOException {
        return csv("approve_target.csv");
    }
}
