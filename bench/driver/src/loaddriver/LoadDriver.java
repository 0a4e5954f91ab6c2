package loaddriver;

import java.util.Arrays;
import java.util.List;

/**
 * The load driver's command line: {@code bench/driver.sh COMMAND [options]}, run from the repository root
 * (the default paths bench/.keys, bench/.cache and graphql/operations are relative to it). JDK 17 only.
 * The map of the package is in package-info.java.
 */
public final class LoadDriver {

    static final String USAGE = """
            usage: bench/driver.sh COMMAND [options]     (from the repository root)
              pubkey  [--key FILE]                         base64 X.509 public key (quarkus.oidc.public-key); creates the key if missing
              token   --sub S --roles r1,r2 [--org-unit C] [--academy A] [--key FILE] [--issuer I]
              run     --url http://127.0.0.1:18080 --input DIR [--scenarios LIST] [--duration 20] [--warmup 5]
                      [--concurrency 32] [--subscribers 500] [--fanout-events 30] [--sync-items 1000] [--sync-batches 3] [--prewarm 0]
                      [--server-pid PID] [--db-pid POSTMASTER_PID] [--out FILE] [--label TEXT] [--run N] [--ops graphql/operations]
                      [--review-units-per-stage 100] [--submit-presign N]
              report  --results FILE [--pgbench FILE] [--machine FILE] [--config FILE] [--pool N] [--small 10k] [--big 1m]
                      [--title T] --out FILE.md
              help
            scenarios: me, my-applications, courses, review-queue, review-queue-full, submit, approve, sync, quota-fanout
            """;

    private LoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        if (List.of("help", "--help", "-h").contains(args[0])) {
            System.out.print(USAGE);
            return;
        }
        Options o = Options.parse(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "pubkey" -> System.out.println(tokens(o).publicKeyBase64());
            case "token" -> System.out.println(tokens(o).sign(
                    new Identity(o.required("sub"), List.of(o.required("roles").split(",")), o.get("org-unit"), o.get("academy"))));
            case "run" -> new Run(o, tokens(o)).run();
            case "report" -> Report.write(o);
            default -> usage();
        }
        System.exit(0); // the WebSocket HttpClient keeps selector threads alive
    }

    private static Tokens tokens(Options o) throws Exception {
        return new Tokens(o.path("key", Tokens.KEY_DEFAULT), o.get("issuer", Tokens.ISSUER_DEFAULT));
    }

    private static void usage() {
        System.err.print(USAGE);
        System.exit(2);
    }
}
