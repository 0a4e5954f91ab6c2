/**
 * The benchmark's load driver: JDK 17 only (plain sockets for HTTP, HttpClient for WebSocket,
 * SHA256withRSA for tokens), built and started by bench/driver.sh. What is where, in reading order:
 *
 * <ul>
 *   <li>the command line: {@link loaddriver.LoadDriver} (pubkey, token, run, report), {@link loaddriver.Options};</li>
 *   <li>tokens: {@link loaddriver.Tokens} signs and caches them, {@link loaddriver.Identity} says whom for;</li>
 *   <li>talking to the server: {@link loaddriver.Gql} (GraphQL over HTTP, one keep-alive connection per thread,
 *       answers judged into an {@link loaddriver.Outcome}) on {@link loaddriver.Http} (one HTTP/1.1 connection on a
 *       socket); {@link loaddriver.Operations} loads graphql/operations/*.graphql; {@link loaddriver.Json} writes
 *       and reads just enough JSON;</li>
 *   <li>the run: {@link loaddriver.Run} (pre-warming, the scenarios one after the other, RESULT lines),
 *       {@link loaddriver.RunContext} (what a scenario works with), {@link loaddriver.Input} (the CSV files of
 *       --input), {@link loaddriver.Scenarios} (the names of --scenarios);</li>
 *   <li>the scenarios: {@link loaddriver.ClosedLoop} runs the closed-loop ones, {@link loaddriver.WorkerReadScenarios}
 *       (me, my-applications, courses), {@link loaddriver.ReviewQueueScenarios} (review-queue, review-queue-full),
 *       {@link loaddriver.SubmitScenario}, {@link loaddriver.ApproveScenario}, {@link loaddriver.SyncScenario},
 *       {@link loaddriver.QuotaFanoutScenario} with its {@link loaddriver.FanoutSubscriber}s;</li>
 *   <li>measuring: {@link loaddriver.Stats} (latencies, percentiles, outcomes, the RESULT line), {@link loaddriver.Cpu}
 *       (CPU of server, PostgreSQL cluster and driver from /proc), {@link loaddriver.RssSampler} (server memory);</li>
 *   <li>the report: {@link loaddriver.Report} (medians of the runs, ratios, targets, Markdown).</li>
 * </ul>
 */
package loaddriver;
