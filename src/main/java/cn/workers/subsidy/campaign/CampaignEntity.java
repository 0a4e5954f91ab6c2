package cn.workers.subsidy.campaign;

import cn.workers.subsidy.vocabulary.ReviewStage;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;

import cn.workers.subsidy.vocabulary.Track;
import cn.workers.subsidy.vocabulary.CampaignStatus;
@Entity
@Table(name = "campaign")
public class CampaignEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public int year;

    public String name;

    @Column(name = "opens_at")
    public OffsetDateTime opensAt;

    @Column(name = "closes_at")
    public OffsetDateTime closesAt;

    @Enumerated(EnumType.STRING)
    public CampaignStatus status;

    /** The funded tracks (stored as their names, comma-separated: {@link EnumLists}). */
    @Convert(converter = EnumLists.Tracks.class)
    public List<Track> tracks;

    /** The review stages in review order, from the workplace up (stored like the tracks). */
    @Convert(converter = EnumLists.ReviewStages.class)
    @Column(name = "review_stages")
    public List<ReviewStage> reviewStages;

    @Column(name = "min_age")
    public Integer minAge;

    @Column(name = "max_age")
    public Integer maxAge;

    @Column(name = "enrollment_share_percent")
    public int enrollmentSharePercent;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    public List<Track> tracks() {
        return tracks;
    }

    public List<ReviewStage> reviewStages() {
        return reviewStages;
    }

    public ReviewStage firstStage() {
        return reviewStages().get(0);
    }

    public ReviewStage lastStage() {
        List<ReviewStage> stages = reviewStages();
        return stages.get(stages.size() - 1);
    }

    /** The stage after {@code stage}, or null when it is the last. */
    public ReviewStage stageAfter(ReviewStage stage) {
        List<ReviewStage> stages = reviewStages();
        int i = stages.indexOf(stage);
        return i < 0 || i + 1 >= stages.size() ? null : stages.get(i + 1);
    }

    /** OPEN and {@code now} inside [opensAt, closesAt). */
    public boolean acceptsApplications(OffsetDateTime now) {
        return status == CampaignStatus.OPEN && !now.isBefore(opensAt) && now.isBefore(closesAt);
    }
}
