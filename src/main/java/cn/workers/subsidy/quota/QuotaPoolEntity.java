package cn.workers.subsidy.quota;

import cn.workers.subsidy.vocabulary.Track;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Places of one (campaign, org unit, track). {@code approved} changes only through the conditional
 * updates in {@code QuotaPoolRepository}, never by writing this entity.
 */
@Entity
@Table(name = "quota_pool")
public class QuotaPoolEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "campaign_id")
    public Long campaignId;

    @Column(name = "org_unit_id")
    public Long orgUnitId;

    @Enumerated(EnumType.STRING)
    public Track track;

    public int allocated;

    public int approved;

    public int remaining() {
        return allocated - approved;
    }
}
