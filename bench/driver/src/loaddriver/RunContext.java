package loaddriver;

/**
 * What a scenario works with: the server (gql), the tokens, the input data, the options of the run, the
 * closed loop's virtual users and time window (seconds of warm-up, not recorded, then of measurement),
 * and the processes whose CPU and memory are accounted.
 */
record RunContext(Gql gql, Tokens tokens, Input input, Options options, int concurrency, int warmup, int duration,
        String serverPid, String dbPid) {

    /** The same with another time window (the pre-warming runs the read scenarios with no measured part). */
    RunContext window(int warmupSeconds, int durationSeconds) {
        return new RunContext(gql, tokens, input, options, concurrency, warmupSeconds, durationSeconds, serverPid, dbPid);
    }

    /** Sends a scenario's first call alone: a validation error means the operation is not served yet (false). */
    boolean probe(Stats s, Call c) {
        Outcome r = gql.call(c);
        if (r.unsupported()) {
            s.unsupported(String.valueOf(r.message()));
            System.err.printf("[driver] %s: unsupported (%s)%n", s.scenario, r.message());
            return false;
        }
        if (!r.ok()) {
            s.sampleErrors.add(r.code() + " " + r.message());
        }
        return true;
    }
}
