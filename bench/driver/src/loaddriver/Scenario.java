package loaddriver;

/** One scenario of --scenarios: runs against the server and answers with its figures. */
@FunctionalInterface
interface Scenario {
    Stats run(RunContext c) throws Exception;
}
