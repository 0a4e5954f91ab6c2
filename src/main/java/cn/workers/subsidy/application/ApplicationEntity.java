package cn.workers.subsidy.application;

import cn.workers.subsidy.vocabulary.Level;
import cn.workers.subsidy.vocabulary.Track;
import cn.workers.subsidy.vocabulary.ReviewStage;
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
/**
 * A worker's request for a subsidy. Status, stage, version and the held quota place change only
 * through the guarded updates of {@code ApplicationRepository} (compare-and-set on the version).
 */
@Entity
@Table(name = "application")
public class ApplicationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "worker_id")
    public Long workerId;

    @Column(name = "campaign_id")
    public Long campaignId;

    @Column(name = "course_id")
    public Long courseId;

    @Column(name = "academy_id")
    public Long academyId;

    @Column(name = "client_request_id")
    public String clientRequestId;

    @Enumerated(EnumType.STRING)
    public Track track;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_level")
    public Level fromLevel;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_level")
    public Level targetLevel;

    @Column(name = "subsidy_fen")
    public int subsidyFen;

    @Enumerated(EnumType.STRING)
    public ApplicationStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "current_stage")
    public ReviewStage currentStage;

    @Column(name = "stage_unit_id")
    public Long stageUnitId;

    @Column(name = "org_unit_id")
    public Long orgUnitId;

    @Column(name = "org_path")
    public String orgPath;

    @Column(name = "quota_pool_id")
    public Long quotaPoolId;

    public int version;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    /**
     * Set by the database on every write (the writing transaction's start time, trigger of
     * V3__sync_watermark.sql), never written from here: {@code ApplicationRepository.stamped} reads
     * it back after a flush.
     */
    @Column(name = "updated_at", insertable = false, updatable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "approved_at")
    public OffsetDateTime approvedAt;
}
