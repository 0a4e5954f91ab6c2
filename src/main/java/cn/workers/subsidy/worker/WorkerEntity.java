package cn.workers.subsidy.worker;

import cn.workers.subsidy.vocabulary.Level;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.workers.subsidy.vocabulary.EmployerKind;
/** A worker's profile. The ID number and phone are held only encrypted; see {@code PiiCipher}. */
@Entity
@Table(name = "worker")
public class WorkerEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String subject;

    public String name;

    @Column(name = "id_number_enc")
    public byte[] idNumberEnc;

    @Column(name = "id_number_hash")
    public byte[] idNumberHash;

    @Column(name = "id_number_masked")
    public String idNumberMasked;

    @Column(name = "birth_date")
    public LocalDate birthDate;

    @Column(name = "phone_enc")
    public byte[] phoneEnc;

    @Column(name = "phone_masked")
    public String phoneMasked;

    @Column(name = "union_member_no")
    public String unionMemberNo;

    public String employer;

    @Enumerated(EnumType.STRING)
    @Column(name = "employer_kind")
    public EmployerKind employerKind;

    public boolean frontline;

    @Column(name = "org_unit_id")
    public Long orgUnitId;

    @Enumerated(EnumType.STRING)
    @Column(name = "education_level")
    public Level educationLevel;

    @Enumerated(EnumType.STRING)
    @Column(name = "skill_grade")
    public Level skillGrade;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
