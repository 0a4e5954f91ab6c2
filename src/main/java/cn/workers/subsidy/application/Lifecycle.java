package cn.workers.subsidy.application;

import cn.workers.subsidy.campaign.CampaignEntity;
import cn.workers.subsidy.common.error.DomainException;
import cn.workers.subsidy.common.error.ErrorCode;
import cn.workers.subsidy.common.security.Caller;
import cn.workers.subsidy.disbursement.DisbursementService;
import cn.workers.subsidy.disbursement.Instalments;
import cn.workers.subsidy.quota.QuotaService;
import cn.workers.subsidy.vocabulary.ApplicationStatus;
import cn.workers.subsidy.vocabulary.LedgerReason;
import cn.workers.subsidy.vocabulary.OrgPaths;
import cn.workers.subsidy.vocabulary.ReviewStage;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The one owner of an application's life cycle. Every change of a case's status goes through one of
 * the transition methods here, which checks who may make it (the action's role) and from which status
 * (the {@link StateMachine}), and then writes, in the caller's transaction, everything that goes with
 * it: the case's new state (version + 1, only from the version read under the row lock), its history
 * entry, the quota place taken or given back (with its ledger entry), and the instalments created.
 * Subscribers hear of every committed change from the database itself (V5 triggers).
 *
 * <p>Callers (the worker's submissions and withdrawals, review, the academy sync) find the case with
 * {@link #lock}, check what only they know (scope, stage, eligibility) and ask for the transition;
 * they never write a case, its history, its place or its instalments themselves. Call from a
 * {@code @WithTransaction} service method.
 *
 * <p>Locking rule for {@code version}: a transition reads the case with its row lock held to the end of
 * the transaction ({@code SELECT ... FOR UPDATE}), compares the caller's expected version, and writes
 * {@code version + 1} under {@code WHERE version = <read>}; nothing else writes an existing case.
 */
@ApplicationScoped
public class Lifecycle {

    private final ApplicationRepository applications;
    private final HistoryRepository history;
    private final QuotaService quota;
    private final DisbursementService disbursements;

    Lifecycle(ApplicationRepository applications, HistoryRepository history, QuotaService quota, DisbursementService disbursements) {
        this.applications = applications;
        this.history = history;
        this.quota = quota;
        this.disbursements = disbursements;
    }

    // ───────────── finding a case to change ─────────────

    /**
     * Locks the application (a detached copy: changing it writes nothing) and checks it: NOT_FOUND when
     * it does not exist or {@code visible} says the caller may not know it exists; VERSION_CONFLICT when
     * {@code expectedVersion} (when given) is stale.
     */
    public Uni<ApplicationEntity> lock(long id, Integer expectedVersion, Predicate<ApplicationEntity> visible) {
        return applications.lock(id).map(app -> {
            if (app == null || !visible.test(app)) {
                throw DomainException.notFound("application " + id);
            }
            if (expectedVersion != null && app.version != expectedVersion) {
                throw new DomainException(ErrorCode.VERSION_CONFLICT,
                        "the application is at version " + app.version + ", not " + expectedVersion + "; reload it");
            }
            return app;
        });
    }

    /** Locks many applications in id order (detached copies), for a batch that judges them in memory. */
    public Uni<List<ApplicationEntity>> lockAll(Collection<Long> ids) {
        return applications.lockAll(ids);
    }

    // ───────────── the worker ─────────────

    /**
     * SUBMIT: a new case, SUBMITTED at the campaign's first stage, with its history entry (one statement).
     * {@code draft} carries everything but the status, stage and the database's times.
     */
    public Uni<ApplicationEntity> submit(ApplicationEntity draft, ReviewStage firstStage, Caller caller) {
        requireRole(caller, Action.SUBMIT);
        draft.status = StateMachine.start();
        draft.currentStage = firstStage;
        draft.stageUnitId = OrgPaths.ancestorAt(draft.orgPath, firstStage.depth());
        return applications.insert(draft, caller.subject(), Action.SUBMIT).map(written -> {
            draft.id = written.id();
            return stamp(draft, written);
        });
    }

    /** RESUBMIT: a RETURNED case, corrected by the caller (course, subsidy), goes back to the first stage. */
    public Uni<ApplicationEntity> resubmit(ApplicationEntity app, ReviewStage firstStage, Caller caller) {
        return step(app, Action.RESUBMIT, false, firstStage, caller, null, false);
    }

    /** WITHDRAW by the worker, any time before enrollment: a place the case held goes back to its pool. */
    public Uni<ApplicationEntity> withdraw(ApplicationEntity app, Caller caller, String reason) {
        return releasePlace(app, caller, LedgerReason.WITHDRAW)
                .flatMap(x -> step(app, Action.WITHDRAW, false, null, caller, reason, false));
    }

    // ───────────── review ─────────────

    /**
     * APPROVE at the case's current stage: on to the campaign's next stage, or, at the last one, APPROVED
     * holding a place of the pool that covers the worker's union. The case is written first and the place
     * taken last, so the pool's row lock (which every final approval of that pool queues on) is held only
     * for its ledger entry and the commit; a full pool fails the transaction and the case's change with it.
     */
    public Uni<ApplicationEntity> approve(ApplicationEntity app, CampaignEntity campaign, Caller caller, String comment) {
        ReviewStage next = campaign.stageAfter(app.currentStage);
        if (next != null) {
            return step(app, Action.APPROVE, false, next, caller, comment, false);
        }
        return quota.poolFor(campaign.id, app.track, app.orgPath).flatMap(poolId -> {
            app.quotaPoolId = poolId;
            return step(app, Action.APPROVE, true, null, caller, comment, true)
                    .flatMap(approved -> quota.takePlace(poolId, approved.id, caller.subject(), LedgerReason.APPROVE).replaceWith(approved));
        });
    }

    /** RETURN to the worker for correction, with the reviewer's reason. */
    public Uni<ApplicationEntity> sendBack(ApplicationEntity app, Caller caller, String reason) {
        return step(app, Action.RETURN, false, null, caller, reason, false);
    }

    /** REJECT: the case ends. */
    public Uni<ApplicationEntity> reject(ApplicationEntity app, Caller caller, String reason) {
        return releasePlace(app, caller, LedgerReason.REJECT).flatMap(x -> step(app, Action.REJECT, false, null, caller, reason, false));
    }

    // ───────────── the academy ─────────────

    /** One checked transition of one locked case in a batch, as its history records it. */
    public record Step(long applicationId, Action action, ApplicationStatus from, ApplicationStatus to, String comment) {
    }

    /**
     * The state a locked case is left in after its steps in a batch: version counted up once per step,
     * and {@code releasesPlace} when the case ended and its place goes back to {@code poolId}.
     */
    public record Outcome(long id, long campaignId, ApplicationStatus status, int version, int subsidyFen, boolean releasesPlace,
            Long poolId) {
    }

    /**
     * ENROLL, COMPLETE and DROP for a batch of locked cases judged in memory (each step checked with the
     * {@link StateMachine} by the judge): places of dropped cases go back (in pool order, so two batches
     * never deadlock), then every final state, every step's history entry in order and the new
     * instalments are written with one statement each, whatever the batch size.
     */
    public Uni<Void> applyBatch(List<Outcome> outcomes, List<Step> steps, List<Instalments.Due> instalments, Caller caller) {
        if (outcomes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        for (Step s : steps) {
            requireRole(caller, s.action());
        }
        Uni<Void> places = Uni.createFrom().voidItem();
        for (Outcome o : outcomes.stream().filter(Outcome::releasesPlace)
                .sorted(Comparator.comparing(Outcome::poolId).thenComparing(Outcome::id)).toList()) {
            places = places.flatMap(x -> quota.givePlaceBack(o.poolId(), o.id(), caller.subject(), LedgerReason.CANCEL));
        }
        return places.flatMap(x -> applications.writeOutcomes(outcomes)).flatMap(written -> {
            if (written != outcomes.size()) {
                return Uni.createFrom().failure(new IllegalStateException("wrote " + written + " of " + outcomes.size() + " locked applications"));
            }
            return history.appendAll(steps, caller.subject());
        }).flatMap(x -> disbursements.createAll(instalments)).replaceWithVoid();
    }

    // ───────────── the one write ─────────────

    /**
     * Checks the caller's role and the case's status for {@code action}, then writes the case's new state
     * and its history entry (one statement, from the version read under the lock). {@code stage} is the
     * stage the case waits at next (null outside review); its unit follows from the worker's org path.
     */
    private Uni<ApplicationEntity> step(ApplicationEntity app, Action action, boolean lastStage, ReviewStage stage, Caller caller,
            String comment, boolean approving) {
        requireRole(caller, action);
        ApplicationStatus from = app.status;
        ApplicationStatus to = StateMachine.next(from, action, lastStage);
        int readVersion = app.version;
        app.status = to;
        app.currentStage = stage;
        app.stageUnitId = stage == null ? null : OrgPaths.ancestorAt(app.orgPath, stage.depth());
        return applications.writeStep(app, readVersion, from, approving, caller.subject(), action, comment).map(written -> {
            if (written == null) {
                throw new IllegalStateException("application " + app.id + " changed under its row lock (version " + readVersion + ")");
            }
            return stamp(app, written);
        });
    }

    /** Gives back the place a case holds (if it holds one), before the case is written without it. */
    private Uni<Void> releasePlace(ApplicationEntity app, Caller caller, LedgerReason reason) {
        if (app.quotaPoolId == null) {
            return Uni.createFrom().voidItem();
        }
        Long pool = app.quotaPoolId;
        app.quotaPoolId = null;
        return quota.givePlaceBack(pool, app.id, caller.subject(), reason);
    }

    private static void requireRole(Caller caller, Action action) {
        if (!caller.has(action.role())) {
            throw DomainException.forbidden("only a " + action.role() + " may " + action.name().toLowerCase() + " an application");
        }
    }

    private static ApplicationEntity stamp(ApplicationEntity app, ApplicationRepository.Written written) {
        app.version = written.version();
        app.submittedAt = written.submittedAt();
        app.updatedAt = written.updatedAt();
        app.approvedAt = written.approvedAt();
        return app;
    }
}
