package cn.workers.subsidy.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

import cn.workers.subsidy.vocabulary.EnrollmentStatus;
/** The academy's record of an approved applicant, keyed by the academy's external reference. */
@Entity
@Table(name = "enrollment")
public class EnrollmentEntity {

    @Id
    @Column(name = "application_id")
    public Long applicationId;

    @Column(name = "academy_id")
    public Long academyId;

    @Column(name = "external_ref")
    public String externalRef;

    @Enumerated(EnumType.STRING)
    public EnrollmentStatus status;

    @Column(name = "enrolled_at")
    public OffsetDateTime enrolledAt;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    @Column(name = "dropped_at")
    public OffsetDateTime droppedAt;

    @Column(name = "certificate_no")
    public String certificateNo;

    @Column(name = "tuition_paid_fen")
    public Integer tuitionPaidFen;

    @Column(name = "last_event_at")
    public OffsetDateTime lastEventAt;
}
