package cn.workers.subsidy.campaign;

import cn.workers.subsidy.common.error.Wording;
import cn.workers.subsidy.common.error.Validation;
import cn.workers.subsidy.common.Ids;
import cn.workers.subsidy.common.error.DomainException;
import cn.workers.subsidy.common.error.ErrorCode;
import cn.workers.subsidy.org.AdminScope;
import cn.workers.subsidy.common.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.workers.subsidy.vocabulary.CampaignStatus;
/** Campaigns: created and moved through their statuses by province administrators, read by anyone signed in. */
@ApplicationScoped
public class CampaignService {

    private final CampaignRepository campaigns;
    private final SubsidyStandardRepository standards;
    private final AdminScope scope;
    private final Validation validation;

    CampaignService(CampaignRepository campaigns, SubsidyStandardRepository standards, AdminScope scope, Validation validation) {
        this.validation = validation;
        this.campaigns = campaigns;
        this.standards = standards;
        this.scope = scope;
    }

    @WithTransaction
    public Uni<Campaign> create(Caller caller, CampaignInput input) {
        return scope.provinceAdmin(caller).map(admin -> CampaignRules.check(validation.check(input))).flatMap(checked -> {
            CampaignEntity e = new CampaignEntity();
            e.year = input.year();
            e.name = checked.name();
            e.opensAt = input.opensAt();
            e.closesAt = input.closesAt();
            e.status = CampaignStatus.DRAFT;
            e.tracks = List.copyOf(input.tracks());
            e.reviewStages = List.copyOf(input.reviewStages());
            e.minAge = input.minAge();
            e.maxAge = input.maxAge();
            e.enrollmentSharePercent = checked.enrollmentSharePercent();
            e.createdBy = caller.subject();
            e.createdAt = OffsetDateTime.now();
            return campaigns.persist(e).flatMap(saved -> {
                List<SubsidyStandardEntity> rows = new ArrayList<>();
                checked.standards().forEach((level, fen) -> rows.add(new SubsidyStandardEntity(saved.id, level, fen)));
                return standards.persist(rows).replaceWith(Campaign.of(saved));
            });
        });
    }

    /** DRAFT → OPEN → CLOSED → ARCHIVED, one step at a time; anything else is ILLEGAL_TRANSITION. */
    @WithTransaction
    public Uni<Campaign> move(Caller caller, String id, CampaignStatus to) {
        return scope.provinceAdmin(caller)
                .flatMap(admin -> campaigns.findById(Ids.parse(id, "campaign")))
                .flatMap(e -> {
                    if (e == null) {
                        throw DomainException.notFound("campaign");
                    }
                    CampaignStatus from = e.status;
                    if (!from.canMoveTo(to)) {
                        throw illegal(from, to);
                    }
                    return campaigns.moveStatus(e.id, from, to).map(changed -> {
                        if (changed != 1) {
                            throw illegal(from, to);
                        }
                        return Campaign.of(e, to);
                    });
                });
    }

    private static DomainException illegal(CampaignStatus from, CampaignStatus to) {
        return new DomainException(ErrorCode.ILLEGAL_TRANSITION, Wording.a(from) + " campaign cannot become " + to);
    }

    /** The campaign, or null. In the caller's session (as every method here without a session annotation). */
    public Uni<CampaignEntity> findById(long id) {
        return campaigns.findById(id);
    }

    /** The campaign; NOT_FOUND when there is none. */
    public Uni<CampaignEntity> require(long id) {
        return campaigns.findById(id).map(c -> {
            if (c == null) {
                throw DomainException.notFound("campaign " + id);
            }
            return c;
        });
    }

    /** The campaign named by an API id; NOT_FOUND when there is none, VALIDATION when the id is malformed. */
    public Uni<CampaignEntity> require(String id) {
        return Uni.createFrom().item(() -> Ids.parse(id, "campaign")).flatMap(this::require);
    }

    public Uni<List<CampaignEntity>> findByIds(Collection<Long> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : campaigns.list("id in ?1", ids);
    }

    @WithSession
    public Uni<List<Campaign>> list(CampaignStatus status) {
        return campaigns.listByStatus(status).map(list -> list.stream().map(Campaign::of).toList());
    }

    /** The standards of each campaign, in the order of {@code list}, ladder order within: one query. */
    @WithSession
    public Uni<List<List<SubsidyStandard>>> standardsOf(List<Campaign> list) {
        List<Long> ids = list.stream().map(c -> Long.parseLong(c.id())).distinct().toList();
        return standards.ofCampaigns(ids).map(rows -> {
            Map<Long, List<SubsidyStandard>> byCampaign = new HashMap<>();
            rows.stream().sorted(Comparator.comparing(r -> r.key.level))
                    .forEach(r -> byCampaign.computeIfAbsent(r.key.campaignId, k -> new ArrayList<>()).add(SubsidyStandard.of(r)));
            return list.stream().map(c -> byCampaign.getOrDefault(Long.parseLong(c.id()), List.of())).toList();
        });
    }
}
