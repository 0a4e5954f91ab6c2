package cn.workers.subsidy.application;

import cn.workers.subsidy.common.error.DomainException;
import cn.workers.subsidy.common.error.ErrorCode;
import cn.workers.subsidy.vocabulary.ReviewStage;
import cn.workers.subsidy.common.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.function.Predicate;

import cn.workers.subsidy.vocabulary.ApplicationStatus;
/**
 * The one way an existing application changes status: lock the row, check the caller may see it
 * and the expected version, ask the {@link StateMachine}, write the new state with version + 1 and
 * append the history entry, all in the caller's transaction. Call from a {@code @WithTransaction}
 * service method.
 */
@ApplicationScoped
public class Transitions {

    private final ApplicationRepository applications;
    private final HistoryRepository history;
    Transitions(ApplicationRepository applications, HistoryRepository history) {
        this.applications = applications;
        this.history = history;
    }

    /**
     * Locks the application and checks it: NOT_FOUND when it does not exist or {@code visible} says the
     * caller may not know it exists; VERSION_CONFLICT when {@code expectedVersion} is stale.
     */
    public Uni<ApplicationEntity> lockForChange(long id, Integer expectedVersion, Predicate<ApplicationEntity> visible) {
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

    /**
     * Moves a locked application to {@code to} (stage and stage unit as given; null outside review),
     * bumps the version and appends history. Subscribers hear of it from the database (V5 trigger, on commit).
     */
    public Uni<ApplicationEntity> apply(ApplicationEntity app, Action action, ApplicationStatus to, ReviewStage stage,
            Long stageUnitId, Caller caller, String comment) {
        ApplicationStatus from = app.status;
        app.status = to;
        app.currentStage = stage;
        app.stageUnitId = stageUnitId;
        app.version = app.version + 1;
        // updated_at is the database's (the transaction's start, V3 trigger): read back after the flush
        return applications.flush().flatMap(x -> applications.stamped(app))
                .flatMap(x -> history.append(app.id, caller.subject(), action.role(), action, from, to, comment))
                .replaceWith(app);
    }

    /** One checked transition of one application, as its history records it. */
    public record Step(long applicationId, Action action, ApplicationStatus from, ApplicationStatus to, String comment) {
    }

    /**
     * The state a locked application is left in after its steps: version counted up once per step,
     * and {@code releasesPlace} when the case ended and its quota place was given back.
     */
    public record Outcome(long id, long workerId, long campaignId, ApplicationStatus status, int version, int subsidyFen,
            boolean releasesPlace) {
    }

    /**
     * The set-based form of {@link #apply} for many applications locked with
     * {@code ApplicationRepository.lockAll} (an academy's batch), whose steps were already checked
     * with the {@link StateMachine}: writes every final state, appends every step's history entry in
     * order (the database announces each changed application): two statements, whatever the batch size.
     * A place to give back must have been given back to its pool before.
     */
    public Uni<Void> applyAll(List<Outcome> outcomes, List<Step> steps, Caller caller) {
        if (outcomes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return applications.writeOutcomes(outcomes).flatMap(written -> {
            if (written != outcomes.size()) {
                return Uni.createFrom().failure(new IllegalStateException("wrote " + written + " of " + outcomes.size()
                        + " locked applications"));
            }
            return history.appendAll(steps, caller.subject());
        }).replaceWithVoid();
    }
}
