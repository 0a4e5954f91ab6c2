package cn.workers.subsidy.audit;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** The verification of every hash chain of a campaign that lies in the auditor's subtree. */
@Type("AuditReport")
@Description("Every history and ledger chain of a campaign inside the auditor's subtree, recomputed.")
public record AuditReport(@Id @NonNull String campaignId,
        @NonNull @Description("History and ledger entries checked.") int checkedEntries,
        @NonNull @Description("Chains checked: one per application, one per quota pool.") int checkedChains,
        @NonNull @Description("Entries that fail verification.") int brokenEntries,
        @NonNull boolean intact,
        @Description("The earliest failing entry (by time, then table, then id); null when intact.") BrokenLink firstBrokenLink) {

    static AuditReport of(long campaignId, AuditRepository.ChainCheck history, AuditRepository.ChainCheck ledger) {
        int broken = history.broken() + ledger.broken();
        return new AuditReport(Long.toString(campaignId), history.entries() + ledger.entries(), history.chains() + ledger.chains(),
                broken, broken == 0, earlier(history.first(), ledger.first()));
    }

    /** The earlier of two failures by the entries' time (an entry-less failure last); the history's on a tie. */
    static BrokenLink earlier(BrokenLink history, BrokenLink ledger) {
        if (history == null || ledger == null) {
            return history != null ? history : ledger;
        }
        if (ledger.at() != null && (history.at() == null || ledger.at().isBefore(history.at()))) {
            return ledger;
        }
        return history;
    }
}
