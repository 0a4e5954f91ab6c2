package cn.workers.subsidy.course;

import cn.workers.subsidy.vocabulary.Level;
import cn.workers.subsidy.vocabulary.Track;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

@Entity
@Table(name = "course")
public class CourseEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "campaign_id")
    public Long campaignId;

    @Column(name = "academy_id")
    public Long academyId;

    public String name;

    @Enumerated(EnumType.STRING)
    public Track track;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_level")
    public Level targetLevel;

    @Column(name = "tuition_fen")
    public int tuitionFen;

    public int capacity;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Column(name = "external_code")
    public String externalCode;
}
