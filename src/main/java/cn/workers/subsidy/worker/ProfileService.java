package cn.workers.subsidy.worker;

import cn.workers.subsidy.common.error.Validation;
import cn.workers.subsidy.vocabulary.Track;
import cn.workers.subsidy.common.error.DomainException;
import cn.workers.subsidy.common.error.ErrorCode;
import cn.workers.subsidy.org.OrgUnit;
import cn.workers.subsidy.vocabulary.OrgUnitKind;
import cn.workers.subsidy.org.OrgUnitService;
import cn.workers.subsidy.common.security.Caller;
import cn.workers.subsidy.common.security.PiiCipher;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Clock;
import java.util.Arrays;
import java.util.regex.Pattern;

/** A worker's own profile: created or replaced by its owner, the token's subject. */
@ApplicationScoped
public class ProfileService {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    private final WorkerRepository workers;
    private final OrgUnitService orgUnits;
    private final PiiCipher cipher;
    private final WorkerViews views;
    private final Validation validation;
    private final Clock clock;

    ProfileService(WorkerRepository workers, OrgUnitService orgUnits, PiiCipher cipher, WorkerViews views, Validation validation, Clock clock) {
        this.validation = validation;
        this.clock = clock;
        this.workers = workers;
        this.orgUnits = orgUnits;
        this.cipher = cipher;
        this.views = views;
    }

    @WithTransaction
    public Uni<Worker> updateMyProfile(Caller caller, WorkerProfileInput in) {
        Profile p = validate(in);
        byte[] idHash = cipher.lookupHash(p.id().value());
        return orgUnits.findByCode(p.orgUnitCode()).flatMap(unit -> {
            if (unit == null) {
                throw DomainException.validation("orgUnitCode", "no org unit has this code");
            }
            if (unit.kind != OrgUnitKind.GRASSROOTS) {
                throw DomainException.validation("orgUnitCode", "a worker belongs to a workplace union (GRASSROOTS)");
            }
            return workers.otherWithIdNumber(idHash, caller.subject())
                    .flatMap(other -> {
                        if (other != null) {
                            throw DomainException.validation("idNumber", "this ID number is registered to another account");
                        }
                        return workers.findBySubject(caller.subject());
                    })
                    .flatMap(existing -> {
                        WorkerEntity w = existing != null ? existing : new WorkerEntity();
                        if (existing == null) {
                            w.subject = caller.subject();
                            w.createdAt = OffsetDateTime.now();
                        }
                        w.name = p.name();
                        w.idNumberEnc = cipher.encrypt(p.id().value());
                        w.idNumberHash = idHash;
                        w.idNumberMasked = p.id().masked();
                        w.birthDate = p.id().birthDate();
                        w.phoneEnc = cipher.encrypt(p.phone());
                        w.phoneMasked = maskPhone(p.phone());
                        w.unionMemberNo = p.unionMemberNo();
                        w.employer = p.employer();
                        w.employerKind = in.employerKind();
                        w.frontline = in.frontline();
                        w.orgUnitId = unit.id;
                        w.educationLevel = in.educationLevel();
                        w.skillGrade = in.skillGrade();
                        w.updatedAt = OffsetDateTime.now();
                        return workers.persistAndFlush(w).map(saved -> views.full(saved, OrgUnit.of(unit)));
                    });
        });
    }

    record Profile(String name, IdNumber id, String phone, String unionMemberNo, String employer, String orgUnitCode) {
    }

    Profile validate(WorkerProfileInput in) {
        validation.check(in);
        String name = in.name().strip();
        IdNumber id;
        try {
            id = IdNumber.parse(in.idNumber(), LocalDate.now(clock));
        } catch (IdNumber.Invalid e) {
            throw new DomainException(ErrorCode.INVALID_ID_NUMBER, e.getMessage(), "idNumber");
        }
        String phone = in.phone().strip().replace(" ", "").replace("-", "");
        if (phone.startsWith("+86")) {
            phone = phone.substring(3);
        }
        if (!MOBILE.matcher(phone).matches()) {
            throw DomainException.validation("phone", "phone must be an 11-digit mainland mobile number");
        }
        String memberNo = in.unionMemberNo().strip();
        String employer = in.employer().strip();
        String orgUnitCode = in.orgUnitCode().strip();
        if (in.educationLevel() == null || in.educationLevel().track() != Track.EDUCATION) {
            throw DomainException.validation("educationLevel", "educationLevel must be one of " + Arrays.toString(
                    cn.workers.subsidy.vocabulary.Level.of(Track.EDUCATION).toArray()));
        }
        if (in.skillGrade() != null && in.skillGrade().track() != Track.SKILL) {
            throw DomainException.validation("skillGrade", "skillGrade must be a SKILL level or null");
        }
        if (in.employerKind() == null || in.frontline() == null) {
            throw DomainException.validation(in.employerKind() == null ? "employerKind" : "frontline", "required");
        }
        return new Profile(name, id, phone, memberNo, employer, orgUnitCode);
    }

    static String maskPhone(String phone) {
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
