package cn.workers.subsidy.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

import cn.workers.subsidy.vocabulary.ApplicationStatus;
/** One transition of an application; append-only (a database trigger refuses updates and deletes). */
@Entity
@Table(name = "application_history")
public class HistoryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "application_id")
    public Long applicationId;

    public OffsetDateTime at;

    @Column(name = "actor_subject")
    public String actorSubject;

    @Column(name = "actor_role")
    public String actorRole;

    public String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ApplicationStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public ApplicationStatus toStatus;

    public String comment;
}
