package cn.workers.subsidy.enrollment;

import cn.workers.subsidy.academy.AcademyService;
import cn.workers.subsidy.application.ApplicationEntity;
import cn.workers.subsidy.application.Lifecycle;
import cn.workers.subsidy.campaign.CampaignEntity;
import cn.workers.subsidy.campaign.CampaignService;
import cn.workers.subsidy.common.error.DomainException;
import cn.workers.subsidy.common.error.ErrorCode;
import cn.workers.subsidy.disbursement.DisbursementEntity;
import cn.workers.subsidy.disbursement.DisbursementService;
import cn.workers.subsidy.vocabulary.DisbursementStage;
import cn.workers.subsidy.common.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The push side of academy synchronisation: a batch of enrollment events in one transaction with a
 * bounded number of statements, whatever its size: lock the academy's batches and the named
 * applications (in id order), read their campaigns, enrollments and instalments with one query
 * each, judge every item in memory ({@link SyncJudge}), then write set-based: places given back per
 * dropped case, then application states, history, notifications, enrollments and instalments with
 * one statement each. Nothing a judged item does can fail the others: conflicts are found in memory.
 */
@ApplicationScoped
public class EnrollmentSync {

    private final AcademyService academies;
    private final CampaignService campaigns;
    private final EnrollmentRepository enrollments;
    private final DisbursementService disbursements;
    private final Lifecycle lifecycle;
    private final SyncConfig config;
    private final Clock clock;

    EnrollmentSync(AcademyService academies, CampaignService campaigns, EnrollmentRepository enrollments,
            DisbursementService disbursements, Lifecycle lifecycle, SyncConfig config, Clock clock) {
        this.academies = academies;
        this.campaigns = campaigns;
        this.enrollments = enrollments;
        this.disbursements = disbursements;
        this.lifecycle = lifecycle;
        this.config = config;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<SyncResult> sync(Caller caller, List<EnrollmentEventInput> items) {
        if (items.size() > config.maxItems()) {
            throw new DomainException(ErrorCode.BATCH_TOO_LARGE, "at most " + config.maxItems() + " items per call", "items");
        }
        if (items.isEmpty()) {
            return Uni.createFrom().item(SyncResult.of(List.of()));
        }
        OffsetDateTime latestAllowed = OffsetDateTime.now(clock).plus(config.futureSkew());
        return academies.callingAcademy(caller).map(a -> a.id).flatMap(academyId -> enrollments.lockAcademy(academyId)
                .flatMap(x -> lifecycle.lockAll(ids(items)))
                .flatMap(locked -> cases(academyId, locked, refs(items)))
                .flatMap(state -> {
                    SyncJudge judge = new SyncJudge(academyId, state.cases(), state.refOwners(), latestAllowed);
                    List<SyncItemResult> results = items.stream().map(judge::judge).toList();
                    return write(caller, academyId, judge.plan()).replaceWith(SyncResult.of(results));
                }));
    }

    record Loaded(Map<Long, SyncCase> cases, Map<String, Long> refOwners) {
    }

    /** The locked applications with their campaign's share, enrollment and instalments: three queries. */
    private Uni<Loaded> cases(long academyId, List<ApplicationEntity> locked, Set<String> refs) {
        List<ApplicationEntity> own = locked.stream().filter(a -> a.academyId == academyId).toList();
        Set<Long> ownIds = own.stream().map(a -> a.id).collect(Collectors.toSet());
        Set<Long> campaignIds = own.stream().map(a -> a.campaignId).collect(Collectors.toSet());
        Uni<List<CampaignEntity>> shares = campaigns.findByIds(campaignIds);
        return shares.flatMap(cs -> enrollments.forSync(academyId, ownIds, refs).flatMap(es -> disbursements.forApplications(ownIds)
                .map(ds -> {
                    Map<Long, Integer> share = cs.stream().collect(Collectors.toMap(c -> c.id, c -> c.enrollmentSharePercent));
                    Map<Long, SyncCase> cases = new HashMap<>();
                    for (ApplicationEntity a : locked) {
                        cases.put(a.id, new SyncCase(a, share.getOrDefault(a.campaignId, 0)));
                    }
                    Map<String, Long> refOwners = new HashMap<>();
                    for (EnrollmentEntity e : es) {
                        refOwners.put(e.externalRef, e.applicationId);
                        SyncCase c = cases.get(e.applicationId);
                        if (c != null) {
                            c.enrollment = EnrollmentState.of(e);
                        }
                    }
                    for (DisbursementEntity d : ds) {
                        SyncCase c = cases.get(d.applicationId);
                        if (d.stage == DisbursementStage.ENROLLMENT) {
                            c.enrollmentShareFen = d.amountFen;
                        } else {
                            c.hasCompletionShare = true;
                        }
                    }
                    return new Loaded(cases, refOwners);
                })));
    }

    /**
     * The case transitions through the life cycle (places given back, states, history, instalments), then
     * the academy's own enrollment records: one statement each, whatever the batch size.
     */
    private Uni<Void> write(Caller caller, long academyId, SyncPlan plan) {
        if (plan.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Lifecycle.Outcome> outcomes = plan.changed().stream().map(SyncCase::outcome).toList();
        return lifecycle.applyBatch(outcomes, plan.steps(), plan.instalments(), caller)
                .flatMap(x -> enrollments.upsertAll(academyId, plan.changed()))
                .map(written -> {
                    if (written != plan.changed().size()) {
                        throw new IllegalStateException("wrote " + written + " of " + plan.changed().size() + " enrollments");
                    }
                    return null;
                });
    }

    private static Set<Long> ids(List<EnrollmentEventInput> items) {
        Set<Long> ids = new LinkedHashSet<>();
        for (EnrollmentEventInput in : items) {
            try {
                ids.add(Long.parseLong(in.applicationId().strip()));
            } catch (NumberFormatException e) {
                // judged NOT_FOUND item by item
            }
        }
        ids.removeIf(id -> id <= 0);
        return ids;
    }

    private static Set<String> refs(List<EnrollmentEventInput> items) {
        return items.stream().map(EnrollmentEventInput::externalRef).filter(r -> r != null && !r.isBlank()).map(String::strip)
                .filter(r -> r.length() <= 100).collect(Collectors.toSet());
    }
}
