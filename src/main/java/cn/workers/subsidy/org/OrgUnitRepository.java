package cn.workers.subsidy.org;

import cn.workers.subsidy.common.db.Sql;
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

    private static final Sql.Query<Long> INSERT = Sql.query("INSERT INTO org_unit (code, name, kind, parent_id, path)"
            + " VALUES (#{code}, #{name}, #{kind}, #{parent}, #{pendingPath}) RETURNING id", row -> row.getLong("id"));

    /** Inserts a unit below the parent whose path is {@code parentPath} ("/" for a root); returns its id. */
    public Uni<Long> insert(String code, String name, OrgUnitKind kind, Long parentId, String parentPath) {
        return INSERT.oneOrNull(Sql.params("code", code, "name", name, "kind", kind, "parent", parentId, "pendingPath", "/pending/" + code + "/"))
                .flatMap(id -> update("path = ?1 where id = ?2", parentPath + id + "/", id).replaceWith(id));
    }

    public Uni<Integer> updateUnit(long id, String name, OrgUnitKind kind, Long parentId) {
        return update("name = ?1, kind = ?2, parentId = ?3 where id = ?4", name, kind, parentId, id);
    }

    private static final Sql.Update MOVE_PATHS = Sql.update(
            "UPDATE org_unit SET path = #{newPrefix} || substr(path, #{cut}) WHERE path LIKE #{pattern}");

    /** Rewrites the path of every unit whose path starts with {@code oldPrefix} to start with {@code newPrefix}. */
    public Uni<Integer> movePaths(String oldPrefix, String newPrefix) {
        return MOVE_PATHS.execute(Sql.params("newPrefix", newPrefix, "cut", oldPrefix.length() + 1, "pattern", oldPrefix + "%"));
    }
}
