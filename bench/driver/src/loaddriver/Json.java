package loaddriver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON: {@link #str} writes a string literal; {@link #parse} reads a document into maps, lists,
 * strings, doubles, booleans and nulls; {@link #at} walks into what it read.
 */
final class Json {
    /** A JSON string literal of s ("null" for null). */
    static String str(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private final String s;
    private int i;

    private Json(String s) {
        this.s = s;
    }

    /** The value of a JSON document: Map (in order), List, String, Double, Boolean or null. */
    static Object parse(String s) {
        Json j = new Json(s);
        j.ws();
        return j.value();
    }

    private void ws() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    private Object value() {
        ws();
        char c = s.charAt(i);
        if (c == '{') {
            Map<String, Object> m = new LinkedHashMap<>();
            elements('}', () -> {
                ws();
                String k = string();
                ws();
                i++; // :
                m.put(k, value());
            });
            return m;
        }
        if (c == '[') {
            List<Object> l = new ArrayList<>();
            elements(']', () -> l.add(value()));
            return l;
        }
        if (c == '"') {
            return string();
        }
        if (s.startsWith("true", i)) {
            i += 4;
            return Boolean.TRUE;
        }
        if (s.startsWith("false", i)) {
            i += 5;
            return Boolean.FALSE;
        }
        if (s.startsWith("null", i)) {
            i += 4;
            return null;
        }
        int start = i;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return Double.parseDouble(s.substring(start, i));
    }

    /** The members of an object or the items of an array, from its opening bracket to past its closing one. */
    private void elements(char close, Runnable element) {
        i++;
        ws();
        if (s.charAt(i) == close) {
            i++;
            return;
        }
        while (true) {
            element.run();
            ws();
            if (s.charAt(i++) == close) {
                return;
            }
        }
    }

    private String string() {
        StringBuilder b = new StringBuilder();
        i++; // opening quote
        while (true) {
            char c = s.charAt(i++);
            if (c == '"') {
                return b.toString();
            }
            if (c == '\\') {
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            } else {
                b.append(c);
            }
        }
    }

    /** Walks into maps by key and lists by index ("0", "1", ...); null where the path leads nowhere. */
    @SuppressWarnings("unchecked")
    static Object at(Object o, String... path) {
        for (String p : path) {
            if (o instanceof Map<?, ?> m) {
                o = ((Map<String, Object>) m).get(p);
            } else if (o instanceof List<?> l && p.matches("\\d+")) {
                int k = Integer.parseInt(p);
                o = k < l.size() ? l.get(k) : null;
            } else {
                return null;
            }
        }
        return o;
    }
}
