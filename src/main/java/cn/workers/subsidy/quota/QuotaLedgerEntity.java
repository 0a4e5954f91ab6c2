package cn.workers.subsidy.quota;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

import cn.workers.subsidy.vocabulary.LedgerReason;
/** One change to a pool; append-only (a database trigger refuses updates and deletes). */
@Entity
@Table(name = "quota_ledger")
public class QuotaLedgerEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "pool_id")
    public Long poolId;

    public OffsetDateTime at;

    /** Change in remaining places. */
    public int delta;

    @Column(name = "allocated_after")
    public int allocatedAfter;

    @Column(name = "approved_after")
    public int approvedAfter;

    @Enumerated(EnumType.STRING)
    public LedgerReason reason;

    @Column(name = "application_id")
    public Long applicationId;

    @Column(name = "actor_subject")
    public String actorSubject;
}
