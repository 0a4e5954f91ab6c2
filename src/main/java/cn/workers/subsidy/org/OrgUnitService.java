package cn.workers.subsidy.org;

import cn.workers.subsidy.common.error.Validation;
import cn.workers.subsidy.common.error.DomainException;
import cn.workers.subsidy.common.security.Caller;
import cn.workers.subsidy.vocabulary.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.workers.subsidy.vocabulary.OrgUnitKind;
/** Reads the org tree and applies bulk imports to it. */
@ApplicationScoped
public class OrgUnitService {

    private final Validation validation;
    private final OrgUnitRepository repo;
    private final AdminScope scope;
    private final OrgImporter importer;

    OrgUnitService(OrgUnitRepository repo, AdminScope scope, OrgImporter importer, Validation validation) {
        this.validation = validation;
        this.repo = repo;
        this.scope = scope;
        this.importer = importer;
    }

    /** The unit with this code, or null. In the caller's session (as every method here without a session annotation). */
    public Uni<OrgUnitEntity> findByCode(String code) {
        return repo.findByCode(code);
    }

    /** How many units the tree has. */
    public Uni<Long> count() {
        return repo.count();
    }

    public Uni<OrgUnitEntity> findById(long id) {
        return repo.findById(id);
    }

    /**
     * The union a reviewer, admin, finance officer or auditor acts for: the token's org_unit resolved to
     * its row; FORBIDDEN when the token carries none or names no known union.
     */
    public Uni<OrgUnitEntity> scopeOf(Caller caller) {
        return Uni.createFrom().item(caller::requireOrgUnit).flatMap(repo::findByCode).map(unit -> {
            if (unit == null) {
                throw DomainException.forbidden("the token's org_unit is not a known union");
            }
            return unit;
        });
    }

    @WithSession
    public Uni<List<OrgUnit>> all() {
        return repo.listInTreeOrder().map(list -> list.stream().map(OrgUnit::of).toList());
    }

    /** The parent of each unit (null for a root), in the order of {@code units}: one query. */
    @WithSession
    public Uni<List<OrgUnit>> parents(List<OrgUnit> units) {
        return byIds(units.stream().map(OrgUnit::parentId).toList());
    }

    /** The unit of each id (null for a null or unknown id), in order: one query. */
    @WithSession
    public Uni<List<OrgUnit>> byIds(List<Long> ids) {
        return repo.findByIds(ids.stream().filter(Objects::nonNull).distinct().toList()).map(found -> {
            Map<Long, OrgUnit> byId = new HashMap<>();
            found.forEach(e -> byId.put(e.id, OrgUnit.of(e)));
            return ids.stream().map(id -> id == null ? null : byId.get(id)).toList();
        });
    }

    /**
     * Upserts a list of units by code (province administrators only). The very first import of an
     * empty tree may come from an admin whose org_unit is the PROVINCE unit that the import creates.
     */
    @WithTransaction
    public Uni<OrgImportResult> importUnits(Caller caller, List<OrgUnitInput> units) {
        return Uni.createFrom().item(() -> OrgImportPlan.of(units.stream().map(validation::check).toList()))
                .flatMap(plan -> mayImport(caller, plan).flatMap(ignored -> importer.apply(plan)));
    }

    private Uni<Void> mayImport(Caller caller, OrgImportPlan plan) {
        if (!caller.has(Roles.ADMIN) || caller.orgUnitCode() == null) {
            return Uni.createFrom().failure(DomainException.forbidden("only a province administrator may import org units"));
        }
        return repo.findByCode(caller.orgUnitCode()).flatMap(unit -> {
            if (unit != null) {
                return scope.provinceAdmin(caller).replaceWithVoid();
            }
            return repo.anyProvince().map(exists -> {
                if (!bootstraps(caller, plan, exists)) {
                    throw DomainException.forbidden("only a province administrator may import org units");
                }
                return null;
            });
        });
    }

    /** True when the tree has no province yet and the import creates the caller's own unit as the PROVINCE. */
    static boolean bootstraps(Caller caller, OrgImportPlan plan, boolean provinceExists) {
        OrgImportItem own = plan.items().get(caller.orgUnitCode());
        return !provinceExists && own != null && own.kind() == OrgUnitKind.PROVINCE;
    }
}
