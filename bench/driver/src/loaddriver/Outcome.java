package loaddriver;

/**
 * What an answer was: OK, a refused operation (its extensions.code), unsupported (a GraphQL validation
 * error: the operation is not served yet), or a transport failure ("IO:..." / "HTTP_nnn"). The body of a
 * successful answer is parsed only when a scenario reads it ({@link #json()}).
 */
final class Outcome {
    private final boolean ok;
    private final String code;
    private final boolean unsupported;
    private final String message;
    private String body;
    private Object json;

    Outcome(boolean ok, String code, boolean unsupported, Object json, String message) {
        this.ok = ok;
        this.code = code;
        this.unsupported = unsupported;
        this.json = json;
        this.message = message;
    }

    /** A successful answer whose body is kept unparsed. */
    static Outcome okBody(String body) {
        Outcome o = new Outcome(true, "OK", false, null, null);
        o.body = body;
        return o;
    }

    boolean ok() {
        return ok;
    }

    String code() {
        return code;
    }

    boolean unsupported() {
        return unsupported;
    }

    String message() {
        return message;
    }

    Object json() {
        if (json == null && body != null) {
            json = Json.parse(body);
            body = null;
        }
        return json;
    }
}
