package cn.workers.subsidy.audit;

import org.eclipse.microprofile.graphql.Description;

/** The two hash-chained, append-only tables. */
@Description("HISTORY: an application's history entries (one chain per application); LEDGER: a quota pool's ledger (one chain per pool).")
public enum AuditTable {
    HISTORY,
    LEDGER
}
