package loaddriver;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The options after the command: {@code --name value} or {@code --name=value}; a last {@code --name} without a value is "". */
final class Options {
    private final Map<String, String> values = new HashMap<>();

    private Options() {
    }

    static Options parse(String[] args) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String k = args[i].substring(2);
            if (k.contains("=")) {
                o.values.put(k.substring(0, k.indexOf('=')), k.substring(k.indexOf('=') + 1));
            } else {
                o.values.put(k, i + 1 < args.length ? args[++i] : "");
            }
        }
        return o;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** The value, null when the option is absent. */
    String get(String name) {
        return values.get(name);
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }

    Path path(String name, Path fallback) {
        return values.containsKey(name) ? Path.of(values.get(name)) : fallback;
    }

    String required(String name) {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }
}
