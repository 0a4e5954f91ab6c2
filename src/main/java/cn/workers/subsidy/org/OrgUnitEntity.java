package cn.workers.subsidy.org;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.workers.subsidy.vocabulary.OrgUnitKind;
@Entity
@Table(name = "org_unit")
public class OrgUnitEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String code;

    public String name;

    @Enumerated(EnumType.STRING)
    public OrgUnitKind kind;

    @Column(name = "parent_id")
    public Long parentId;

    /** Ids from the root down, e.g. {@code /1/7/42/}. */
    public String path;

    /** True when {@code other} is this unit or below it. */
    public boolean contains(OrgUnitEntity other) {
        return other != null && other.path.startsWith(path);
    }
}
