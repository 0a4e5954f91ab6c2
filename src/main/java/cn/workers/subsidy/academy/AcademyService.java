package cn.workers.subsidy.academy;

import cn.workers.subsidy.common.error.Wording;
import cn.workers.subsidy.common.error.Validation;
import cn.workers.subsidy.common.error.DomainException;
import cn.workers.subsidy.org.OrgUnitService;
import cn.workers.subsidy.org.AdminScope;
import cn.workers.subsidy.common.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import cn.workers.subsidy.vocabulary.AcademyKind;
/**
 * Academies, registered by province administrators. A HEADQUARTERS has no parent; a BRANCH has a
 * HEADQUARTERS parent; a TRAINING_BASE or COLLEGE may hang below a HEADQUARTERS or BRANCH.
 */
@ApplicationScoped
public class AcademyService {

    static final int MAX_CODE = 64;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private final Validation validation;
    private final AcademyRepository academies;
    private final OrgUnitService orgUnits;
    private final AdminScope scope;

    AcademyService(AcademyRepository academies, OrgUnitService orgUnits, AdminScope scope, Validation validation) {
        this.validation = validation;
        this.academies = academies;
        this.orgUnits = orgUnits;
        this.scope = scope;
    }

    @WithTransaction
    public Uni<Academy> register(Caller caller, AcademyInput in) {
        return scope.provinceAdmin(caller).map(admin -> checkShape(validation.check(in))).flatMap(e -> academies.findByCode(e.code).flatMap(clash -> {
            if (clash != null) {
                throw DomainException.validation("code", "academy " + e.code + " is already registered");
            }
            return orgUnits.findByCode(in.orgUnitCode() == null ? "" : in.orgUnitCode().strip());
        }).flatMap(unit -> {
            if (unit == null) {
                throw DomainException.validation("orgUnitCode", "unknown org unit " + in.orgUnitCode());
            }
            e.orgUnitId = unit.id;
            return parentOf(e.kind, in.parentCode());
        }).flatMap(parent -> {
            e.parentId = parent == null ? null : parent.id;
            return academies.persist(e).map(Academy::of);
        }));
    }

    private static AcademyEntity checkShape(AcademyInput in) {
        AcademyEntity e = new AcademyEntity();
        e.code = in.code() == null ? "" : in.code().strip();
        if (e.code.isEmpty() || e.code.length() > MAX_CODE || !CODE.matcher(e.code).matches()) {
            throw DomainException.validation("code", "an academy code is 1 to " + MAX_CODE + " letters, digits, '-', '_' or '.'");
        }
        e.name = in.name().strip();
        e.kind = in.kind();
        return e;
    }

    private Uni<AcademyEntity> parentOf(AcademyKind kind, String parentCode) {
        String code = parentCode == null || parentCode.isBlank() ? null : parentCode.strip();
        if (code == null) {
            if (kind == AcademyKind.BRANCH) {
                return Uni.createFrom().failure(DomainException.validation("parentCode", "a BRANCH names its HEADQUARTERS"));
            }
            return Uni.createFrom().nullItem();
        }
        if (kind == AcademyKind.HEADQUARTERS) {
            return Uni.createFrom().failure(DomainException.validation("parentCode", "a HEADQUARTERS has no parent"));
        }
        return academies.findByCode(code).map(parent -> {
            if (parent == null) {
                throw DomainException.validation("parentCode", "unknown academy " + code);
            }
            boolean fits = kind == AcademyKind.BRANCH ? parent.kind == AcademyKind.HEADQUARTERS
                    : parent.kind == AcademyKind.HEADQUARTERS || parent.kind == AcademyKind.BRANCH;
            if (!fits) {
                throw DomainException.validation("parentCode", Wording.a(kind) + " cannot sit under the " + parent.kind + " " + code);
            }
            return parent;
        });
    }

    /** The academy with this code, or null. In the caller's session (as every method here without a session annotation). */
    public Uni<AcademyEntity> findByCode(String code) {
        return academies.findByCode(code);
    }

    /** The academy an academy client speaks for, from its token's academy_code: FORBIDDEN when missing or unknown. */
    public Uni<AcademyEntity> callingAcademy(Caller caller) {
        return Uni.createFrom().item(caller::requireAcademy).flatMap(academies::findByCode).map(a -> {
            if (a == null) {
                throw DomainException.forbidden("the token's academy_code is not a registered academy");
            }
            return a;
        });
    }

    /** The academy of each item, in order: one query. */
    @WithSession
    public Uni<List<Academy>> byIds(List<Long> ids) {
        return academies.findByIds(ids.stream().filter(Objects::nonNull).distinct().toList()).map(found -> {
            Map<Long, Academy> byId = new HashMap<>();
            found.forEach(a -> byId.put(a.id, Academy.of(a)));
            return ids.stream().map(id -> id == null ? null : byId.get(id)).toList();
        });
    }
}
