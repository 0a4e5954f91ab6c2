package cn.workers.subsidy.disbursement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

import cn.workers.subsidy.vocabulary.DisbursementStage;
import cn.workers.subsidy.vocabulary.DisbursementStatus;
/** One instalment of an application's subsidy; PENDING until finance marks it PAID, once. */
@Entity
@Table(name = "disbursement")
public class DisbursementEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "application_id")
    public Long applicationId;

    /** The application's campaign, copied (V6) so a campaign's pending list reads its own index range. */
    @Column(name = "campaign_id")
    public Long campaignId;

    @Enumerated(EnumType.STRING)
    public DisbursementStage stage;

    @Column(name = "amount_fen")
    public int amountFen;

    @Enumerated(EnumType.STRING)
    public DisbursementStatus status;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "paid_at")
    public OffsetDateTime paidAt;

    public String reference;

    @Column(name = "paid_by")
    public String paidBy;
}
