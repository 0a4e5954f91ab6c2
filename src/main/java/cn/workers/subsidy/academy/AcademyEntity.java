package cn.workers.subsidy.academy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.workers.subsidy.vocabulary.AcademyKind;
@Entity
@Table(name = "academy")
public class AcademyEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String code;

    public String name;

    @Enumerated(EnumType.STRING)
    public AcademyKind kind;

    @Column(name = "parent_id")
    public Long parentId;

    @Column(name = "org_unit_id")
    public Long orgUnitId;
}
