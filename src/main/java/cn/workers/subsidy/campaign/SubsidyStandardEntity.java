package cn.workers.subsidy.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

import cn.workers.subsidy.vocabulary.Level;
/** The most a campaign pays for one target level, in fen. */
@Entity
@Table(name = "subsidy_standard")
public class SubsidyStandardEntity {

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "campaign_id")
        public Long campaignId;

        @Enumerated(EnumType.STRING)
        public Level level;

        public Key() {
        }

        public Key(Long campaignId, Level level) {
            this.campaignId = campaignId;
            this.level = level;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(campaignId, k.campaignId) && level == k.level;
        }

        @Override
        public int hashCode() {
            return Objects.hash(campaignId, level);
        }
    }

    @EmbeddedId
    public Key key;

    @Column(name = "max_subsidy_fen")
    public int maxSubsidyFen;

    public SubsidyStandardEntity() {
    }

    public SubsidyStandardEntity(Long campaignId, Level level, int maxSubsidyFen) {
        this.key = new Key(campaignId, level);
        this.maxSubsidyFen = maxSubsidyFen;
    }
}
