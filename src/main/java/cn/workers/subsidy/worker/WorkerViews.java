package cn.workers.subsidy.worker;

import cn.workers.subsidy.org.OrgUnit;
import cn.workers.subsidy.common.security.PiiCipher;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns a stored profile into its API form, decrypting only what the viewer may see. */
@ApplicationScoped
public class WorkerViews {

    private final PiiCipher cipher;

    WorkerViews(PiiCipher cipher) {
        this.cipher = cipher;
    }

    /** The view for someone entitled to the full personal data: the owner, or the academy of an approved course. */
    public Worker full(WorkerEntity w, OrgUnit orgUnit) {
        return new Worker(w.id.toString(), w.name, w.idNumberMasked, cipher.decrypt(w.phoneEnc), w.unionMemberNo, w.employer,
                w.employerKind, w.frontline, orgUnit, w.educationLevel, w.skillGrade, cipher.decrypt(w.idNumberEnc));
    }

    /** The view for everyone else: masked ID number and phone. */
    public Worker masked(WorkerEntity w, OrgUnit orgUnit) {
        return new Worker(w.id.toString(), w.name, w.idNumberMasked, w.phoneMasked, w.unionMemberNo, w.employer,
                w.employerKind, w.frontline, orgUnit, w.educationLevel, w.skillGrade, w.idNumberMasked);
    }
}
