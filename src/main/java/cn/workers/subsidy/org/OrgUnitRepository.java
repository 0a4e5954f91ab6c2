package cn.workers.subsidy.org;

import cn.workers.subsidy.common.security.Caller;
import cn.workers.subsidy.common.db.SessionRows;
import cn.workers.subsidy.common.error.DomainException;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

import cn.workers.subsidy.vocabulary.OrgUnitKind;
/**
 * The org tree. Writes go through statements (never through managed entities) so that the
 * materialised {@code path} of a whole subtree can be rewritten in one update.
 */
@ApplicationScoped
public class OrgUnitRepository implements PanacheRepository<OrgUnitEntity> {

    public Uni<OrgUnitEntity> findByCode(String code) {
        return find("code", code).firstResult();
    }

    public Uni<List<OrgUnitEntity>> findByIds(Collection<Long> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", ids);
    }

    public Uni<List<OrgUnitEntity>> findByCodes(Collection<String> codes) {
        return codes.isEmpty() ? Uni.createFrom().item(List.of()) : list("code in ?1", codes);
    }

    /** The units directly below any of {@code parentIds}. */
    public Uni<List<OrgUnitEntity>> childrenOf(Collection<Long> parentIds) {
        return parentIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("parentId in ?1", parentIds);
    }

    /** Every unit, in tree order (a parent before its subtree). */
    public Uni<List<OrgUnitEntity>> listInTreeOrder() {
        return listAll(Sort.by("path").and("id"));
    }

    public Uni<Boolean> anyProvince() {
        return count("kind", OrgUnitKind.PROVINCE).map(n -> n > 0);
    }

    /** Inserts a unit below the parent whose path is {@code parentPath} ("/" for a root); returns its id. */
    public Uni<Long> insert(String code, String name, OrgUnitKind kind, Long parentId, String parentPath) {
        return getSession().flatMap(s -> SessionRows.oneOrNull(s,
                        "INSERT INTO org_unit (code, name, kind, parent_id, path) VALUES ($1, $2, $3, $4, $5) RETURNING id",
                        code, name, kind.name(), parentId, "/pending/" + code + "/")
                .map(r -> (Long) r[0])
                .flatMap(id -> update("path = ?1 where id = ?2", parentPath + id + "/", id).replaceWith(id)));
    }

    public Uni<Integer> updateUnit(long id, String name, OrgUnitKind kind, Long parentId) {
        return update("name = ?1, kind = ?2, parentId = ?3 where id = ?4", name, kind, parentId, id);
    }

    /** Rewrites the path of every unit whose path starts with {@code oldPrefix} to start with {@code newPrefix}. */
    public Uni<Integer> movePaths(String oldPrefix, String newPrefix) {
        return getSession().flatMap(s -> s.createNativeQuery(
                        "UPDATE org_unit SET path = :newPrefix || substr(path, :cut) WHERE path LIKE :pattern")
                .setParameter("newPrefix", newPrefix).setParameter("cut", oldPrefix.length() + 1)
                .setParameter("pattern", oldPrefix + "%")
                .executeUpdate());
    }

    /**
     * The union a reviewer, admin, finance officer or auditor acts for: the token's org_unit resolved to
     * its row; FORBIDDEN when the token carries none or names no known union.
     */
    public Uni<OrgUnitEntity> scopeOf(Caller caller) {
        String code = caller.requireOrgUnit();
        return findByCode(code).map(unit -> {
            if (unit == null) {
                throw DomainException.forbidden("the token's org_unit is not a known union");
            }
            return unit;
        });
    }
}
